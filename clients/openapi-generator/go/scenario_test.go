// The client scenario on the client openapi-generator's `go` generator makes from
// openapi/rackplane.yaml (in ../generated/go, never edited). Run by
// clients/openapi-generator/run.sh against a live server: RACKPLANE_URL and RACKPLANE_TOKEN.
package scenario

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"strings"
	"testing"

	oag "rackplane.local/oag"
)

func TestScenario(t *testing.T) {
	url, token := os.Getenv("RACKPLANE_URL"), os.Getenv("RACKPLANE_TOKEN")
	if url == "" || token == "" {
		t.Fatal("RACKPLANE_URL and RACKPLANE_TOKEN must be set (clients/openapi-generator/run.sh sets them)")
	}
	run := fmt.Sprintf("%08x", rand.Uint32())
	check := func(cond bool, what string) {
		t.Helper()
		if !cond {
			t.Fatalf("FAILED: %s", what)
		}
		t.Logf("ok - %s", what)
	}
	client := func() *oag.APIClient {
		cfg := oag.NewConfiguration()
		cfg.Servers = oag.ServerConfigurations{{URL: url}}
		return oag.NewAPIClient(cfg)
	}()
	anon := context.Background()
	ctx := context.WithValue(anon, oag.ContextAPIKeys, map[string]oag.APIKey{"tokenAuth": {Key: token, Prefix: "Token"}})
	id := func(v int32) oag.ObjectReference { return oag.Int32AsObjectReference(&v) }

	_, res, _ := client.AuthAPI.Whoami(anon).Execute()
	check(res != nil && res.StatusCode == 401, "anonymous whoami is 401")
	me, _, err := client.AuthAPI.Whoami(ctx).Execute()
	check(err == nil && me.Username == "admin", "Token auth: whoami")

	region, _, err := client.DcimRegionsAPI.DcimRegionsCreate(ctx).
		RegionCreate(*oag.NewRegionCreate("Region "+run, "region-"+run)).Execute()
	check(err == nil && region.GetSlug() == "region-"+run, "create region")
	dcBody := oag.NewDataCenterCreate("DC "+run, "dc-"+run)
	dcBody.SetRegion(id(region.Id))
	dc, _, err := client.DcimDataCentersAPI.DcimDataCentersCreate(ctx).DataCenterCreate(*dcBody).Execute()
	check(err == nil && dc.GetRegion().Id == region.Id, "create data center in the region")
	room, _, err := client.DcimServerRoomsAPI.DcimServerRoomsCreate(ctx).
		ServerRoomCreate(*oag.NewServerRoomCreate("Room "+run, id(dc.Id))).Execute()
	check(err == nil && room.GetDataCenter().Id == dc.Id, "create server room")
	rackBody := oag.NewRackCreate("R-"+run, id(room.Id))
	rackBody.SetUHeight(42)
	rack, _, err := client.DcimRacksAPI.DcimRacksCreate(ctx).RackCreate(*rackBody).Execute()
	check(err == nil && rack.GetUHeight() == 42, "create rack")

	// Bulk create (its own operation, a plain slice in and out), the rack given by attributes.
	byName := oag.NewObjectAttributes()
	byName.SetName("R-" + run)
	bulk := make([]oag.ServerCreate, 12)
	for i := range bulk {
		s := oag.NewServerCreate(fmt.Sprintf("oag-go-%s-%02d", run, i))
		s.SetRack(oag.ObjectAttributesAsObjectReference(byName))
		s.SetPosition(int32(i + 1))
		s.SetStatus(oag.SERVERSTATUS_NEW)
		bulk[i] = *s
	}
	servers := client.DcimServersAPI
	created, _, err := servers.DcimServersBulkCreate(ctx).ServerCreate(bulk).Execute()
	check(err == nil && len(created) == 12, fmt.Sprintf("bulk create 12 servers (%v)", err))
	allInRack := true
	for _, s := range created {
		allInRack = allInRack && s.GetRack().Id == rack.Id
	}
	check(allInRack, "FK by attributes resolved to the rack")

	page1, _, err := servers.DcimServersList(ctx).Rack([]int32{rack.Id}).Limit(5).Offset(0).Ordering([]string{"name"}).Execute()
	check(err == nil && page1.Count == 12 && len(page1.Results) == 5, "list: filter by rack, page of 5 of 12")
	check(page1.Next.IsSet() && page1.Next.Get() != nil, "list: next page link")
	page3, _, err := servers.DcimServersList(ctx).Rack([]int32{rack.Id}).Limit(5).Offset(10).Ordering([]string{"name"}).Execute()
	check(err == nil && len(page3.Results) == 2 && page3.Results[0].GetName() == "oag-go-"+run+"-10" &&
		page3.Results[1].GetName() == "oag-go-"+run+"-11", "list: last page, ordered")
	byStatus, _, err := servers.DcimServersList(ctx).Rack([]int32{rack.Id}).Status([]oag.ServerStatus{oag.SERVERSTATUS_NEW}).Limit(100).Execute()
	check(err == nil && byStatus.Count == 12, "list: filter by status")
	brief, _, err := servers.DcimServersList(ctx).Rack([]int32{rack.Id}).Brief(true).Limit(1).Execute()
	check(err == nil && brief.Results[0].Id > 0 && !brief.Results[0].HasSerialNumber(), "list: brief objects as the model")

	first := created[0]
	patch := oag.NewServerPatch()
	patch.SetStatus(oag.SERVERSTATUS_IN_USE)
	patch.SetSerialNumber("SN-" + run)
	patched, _, err := servers.DcimServersPartialUpdate(ctx, first.Id).ServerPatch(*patch).Execute()
	check(err == nil && patched.GetStatus().Value == oag.SERVERSTATUS_IN_USE && patched.GetSerialNumber() == "SN-"+run, "patch")

	nowhere := oag.NewObjectAttributes()
	nowhere.SetName("no-such-" + run)
	bad := oag.NewServerCreate("oag-go-" + run + "-bad")
	bad.SetRack(oag.ObjectAttributesAsObjectReference(nowhere))
	_, res, err = servers.DcimServersCreate(ctx).ServerCreate(*bad).Execute()
	check(res != nil && res.StatusCode == 400, "unknown rack is a 400")
	body := ""
	if e, ok := err.(*oag.GenericOpenAPIError); ok {
		body = string(e.Body())
	}
	check(strings.Contains(body, `"rack"`), "the 400 body names the field: "+body)

	res, err = servers.DcimServersDelete(ctx, first.Id).Execute()
	check(err == nil && res.StatusCode == 204, "delete")
	_, res, _ = servers.DcimServersRetrieve(ctx, first.Id).Execute()
	check(res != nil && res.StatusCode == 404, "deleted server is 404")
}
