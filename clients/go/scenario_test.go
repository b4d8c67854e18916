// The client scenario in Go, on a client generated from openapi/rackplane.yaml by
// oapi-codegen (never edited; see run.sh). RACKPLANE_URL and RACKPLANE_TOKEN name a live server.
package clients_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"testing"
	"time"

	"rackplane.local/clients/go/rackplane"
)

func ptr[T any](v T) *T { return &v }

// ref is an FK written by id or by attributes: the document's ObjectReference union.
func ref(t *testing.T, v any) *rackplane.ObjectReference {
	t.Helper()
	var r rackplane.ObjectReference
	b, _ := json.Marshal(v)
	if err := r.UnmarshalJSON(b); err != nil {
		t.Fatal(err)
	}
	return &r
}

// post sends a create body: create operations take one object or an array (oneOf), which
// the generated typed-body helpers cannot marshal, so the body goes through the *WithBody variant.
func body(t *testing.T, v any) *bytes.Reader {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.NewReader(b)
}

func TestScenario(t *testing.T) {
	url, token := os.Getenv("RACKPLANE_URL"), os.Getenv("RACKPLANE_TOKEN")
	if url == "" || token == "" {
		t.Fatal("RACKPLANE_URL and RACKPLANE_TOKEN must name a live server (clients/go/run.sh)")
	}
	ctx := context.Background()
	run := fmt.Sprintf("%x", time.Now().UnixNano())[8:]
	auth := rackplane.WithRequestEditorFn(func(_ context.Context, r *http.Request) error {
		r.Header.Set("Authorization", "Token "+token)
		return nil
	})
	api, err := rackplane.NewClientWithResponses(url, auth)
	if err != nil {
		t.Fatal(err)
	}
	const js = "application/json"
	check := func(cond bool, what string, args ...any) {
		t.Helper()
		if !cond {
			t.Fatalf("FAILED: "+what, args...)
		}
		t.Logf("ok - "+what, args...)
	}

	me, err := api.WhoamiWithResponse(ctx, nil)
	check(err == nil && me.StatusCode() == 200, "Token auth: whoami is 200")

	region, err := api.DcimRegionsCreateWithBodyWithResponse(ctx, nil, js,
		body(t, rackplane.RegionCreate{Name: "Region " + run, Slug: "region-" + run}))
	check(err == nil && region.StatusCode() == 201, "create region (%v)", err)
	var r rackplane.Region
	_ = json.Unmarshal(region.Body, &r)

	dc, err := api.DcimDataCentersCreateWithBodyWithResponse(ctx, nil, js,
		body(t, rackplane.DataCenterCreate{Name: "DC " + run, Slug: "dc-" + run, Region: ref(t, r.Id)}))
	check(err == nil && dc.StatusCode() == 201, "create data center")
	var d rackplane.DataCenter
	_ = json.Unmarshal(dc.Body, &d)

	room, err := api.DcimServerRoomsCreateWithBodyWithResponse(ctx, nil, js,
		body(t, rackplane.ServerRoomCreate{Name: "Room " + run, DataCenter: *ref(t, d.Id)}))
	check(err == nil && room.StatusCode() == 201, "create server room")
	var sr rackplane.ServerRoom
	_ = json.Unmarshal(room.Body, &sr)

	rack, err := api.DcimRacksCreateWithBodyWithResponse(ctx, nil, js,
		body(t, rackplane.RackCreate{Name: "R-" + run, ServerRoom: *ref(t, sr.Id), UHeight: ptr(42)}))
	check(err == nil && rack.StatusCode() == 201, "create rack")
	var rk rackplane.Rack
	_ = json.Unmarshal(rack.Body, &rk)

	// Bulk create (its own operation: an array to the list URL); the rack written by attributes.
	bulk := make([]rackplane.ServerCreate, 12)
	for i := range bulk {
		bulk[i] = rackplane.ServerCreate{
			Name:     fmt.Sprintf("go-%s-%02d", run, i),
			Rack:     ref(t, map[string]string{"name": "R-" + run}),
			Position: ptr(i + 1),
			Status:   ptr(rackplane.ServerStatus("new")),
		}
	}
	created, err := api.DcimServersBulkCreateWithBodyWithResponse(ctx, nil, js, body(t, bulk))
	check(err == nil && created.StatusCode() == 201, "bulk create 12 servers")
	servers := *created.JSON201
	check(len(servers) == 12, "bulk answer is the 12 servers")
	for _, s := range servers {
		check(s.Rack != nil && s.Rack.Id == *rk.Id, "FK by attributes resolved (%s)", *s.Name)
	}

	// Filters + pagination.
	page, err := api.DcimServersListWithResponse(ctx, &rackplane.DcimServersListParams{
		Rack:     &[]int{*rk.Id},
		Status:   &[]rackplane.ServerStatus{"new"},
		Limit:    ptr(rackplane.Limit(5)),
		Offset:   ptr(rackplane.Offset(10)),
		Ordering: &[]rackplane.DcimServersListParamsOrdering{rackplane.DcimServersListParamsOrderingName},
	})
	check(err == nil && page.StatusCode() == 200, "list")
	check(page.JSON200.Count == 12 && len(page.JSON200.Results) == 2, "list: filter by rack+status, last page of 12")
	item := page.JSON200.Results[0]
	check(item.Name != nil && *item.Name == fmt.Sprintf("go-%s-10", run), "list: ordered by name")

	// Patch.
	first := servers[0]
	patched, err := api.DcimServersPartialUpdateWithResponse(ctx, *first.Id, nil,
		rackplane.DcimServersPartialUpdateJSONRequestBody{Status: ptr(rackplane.ServerStatus("in_use")), SerialNumber: ptr("SN-" + run)})
	check(err == nil && patched.StatusCode() == 200, "patch (%v)", err)
	check(patched.JSON200.Status != nil && string(patched.JSON200.Status.Value) == "in_use", "patch: status changed")

	// A 400 names the field.
	bad, err := api.DcimServersCreateWithBodyWithResponse(ctx, nil, js,
		body(t, rackplane.ServerCreate{Name: "go-" + run + "-bad", Position: ptr(-3)}))
	check(err == nil && bad.StatusCode() == 400, "invalid position is a 400")
	var fieldErrors map[string]any
	_ = json.Unmarshal(bad.Body, &fieldErrors)
	_, named := fieldErrors["position"]
	check(named, "the 400 body names the field: %v", fieldErrors)

	// Delete.
	del, err := api.DcimServersDeleteWithResponse(ctx, *first.Id, nil)
	check(err == nil && del.StatusCode() == 204, "delete")
	gone, err := api.DcimServersRetrieveWithResponse(ctx, *first.Id, nil)
	check(err == nil && gone.StatusCode() == 404, "deleted server is 404")
}
