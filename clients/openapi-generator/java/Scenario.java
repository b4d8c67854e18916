// The client scenario on the client openapi-generator's `java` generator (okhttp-gson) makes
// from openapi/rackplane.yaml (in ../generated/java, compiled with its own pom, never
// edited). Run by clients/openapi-generator/run.sh as a single-file program against a live
// server: RACKPLANE_URL and RACKPLANE_TOKEN in the environment. Exits 1 on the first surprise.

import dev.rackplane.client.ApiClient;
import dev.rackplane.client.ApiException;
import dev.rackplane.client.api.AuthApi;
import dev.rackplane.client.api.DcimDataCentersApi;
import dev.rackplane.client.api.DcimRacksApi;
import dev.rackplane.client.api.DcimRegionsApi;
import dev.rackplane.client.api.DcimServerRoomsApi;
import dev.rackplane.client.api.DcimServersApi;
import dev.rackplane.client.model.DataCenter;
import dev.rackplane.client.model.DataCenterCreate;
import dev.rackplane.client.model.ObjectAttributes;
import dev.rackplane.client.model.ObjectReference;
import dev.rackplane.client.model.PaginatedServerList;
import dev.rackplane.client.model.Rack;
import dev.rackplane.client.model.RackCreate;
import dev.rackplane.client.model.Region;
import dev.rackplane.client.model.RegionCreate;
import dev.rackplane.client.model.Server;
import dev.rackplane.client.model.ServerCreate;
import dev.rackplane.client.model.ServerPatch;
import dev.rackplane.client.model.ServerRoom;
import dev.rackplane.client.model.ServerRoomCreate;
import dev.rackplane.client.model.ServerStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

public class Scenario {
  static void check(boolean cond, String what) {
    if (!cond) {
      System.err.println("FAILED: " + what);
      System.exit(1);
    }
    System.out.println("ok - " + what);
  }

  /** The HTTP status of a refused call, and its body (the client throws on 4xx). */
  static ApiException refusal(Callable<?> call) throws Exception {
    try {
      call.call();
    } catch (ApiException e) {
      return e;
    }
    check(false, "the call was refused");
    return null;
  }

  static ObjectReference id(int id) {
    return new ObjectReference(id);
  }

  public static void main(String[] args) throws Exception {
    String url = System.getenv("RACKPLANE_URL"), token = System.getenv("RACKPLANE_TOKEN");
    String run = UUID.randomUUID().toString().substring(0, 8);

    ApiClient anonymous = new ApiClient().setBasePath(url);
    check(refusal(() -> new AuthApi(anonymous).whoami(null)).getCode() == 401, "anonymous whoami is 401");
    ApiClient client = new ApiClient().setBasePath(url);
    client.setApiKey(token);
    client.setApiKeyPrefix("Token");
    check("admin".equals(new AuthApi(client).whoami(null).getUsername()), "Token auth: whoami");

    Region region = new DcimRegionsApi(client)
        .dcimRegionsCreate(new RegionCreate().name("Region " + run).slug("region-" + run), null, null);
    check(("region-" + run).equals(region.getSlug()), "create region");
    DataCenter dc = new DcimDataCentersApi(client).dcimDataCentersCreate(
        new DataCenterCreate().name("DC " + run).slug("dc-" + run).region(id(region.getId())), null, null);
    check(dc.getRegion() != null && dc.getRegion().getId().equals(region.getId()), "create data center in the region");
    ServerRoom room = new DcimServerRoomsApi(client)
        .dcimServerRoomsCreate(new ServerRoomCreate().name("Room " + run).dataCenter(id(dc.getId())), null, null);
    check(room.getDataCenter().getId().equals(dc.getId()), "create server room");
    Rack rack = new DcimRacksApi(client).dcimRacksCreate(
        new RackCreate().name("R-" + run).serverRoom(id(room.getId())).uHeight(42), null, null);
    check(rack.getuHeight() == 42, "create rack");

    DcimServersApi servers = new DcimServersApi(client);
    // Bulk create (its own operation, a plain list in and out), the rack given by attributes.
    List<ServerCreate> bulk = new ArrayList<>();
    for (int i = 0; i < 12; i++)
      bulk.add(new ServerCreate()
          .name(String.format("oag-java-%s-%02d", run, i))
          .rack(new ObjectReference(new ObjectAttributes().name("R-" + run)))
          .position(i + 1)
          .status(ServerStatus.NEW));
    List<Server> created = servers.dcimServersBulkCreate(bulk, null, null);
    check(created.size() == 12, "bulk create 12 servers");
    check(created.stream().allMatch(s -> s.getRack() != null && s.getRack().getId().equals(rack.getId())),
        "FK by attributes resolved to the rack");

    PaginatedServerList page1 =
        servers.dcimServersList().rack(List.of(rack.getId())).limit(5).offset(0).ordering(List.of("name")).execute();
    check(page1.getCount() == 12 && page1.getResults().size() == 5, "list: filter by rack, page of 5 of 12");
    check(page1.getNext() != null, "list: next page link");
    PaginatedServerList page3 =
        servers.dcimServersList().rack(List.of(rack.getId())).limit(5).offset(10).ordering(List.of("name")).execute();
    check(page3.getResults().stream().map(Server::getName).toList()
        .equals(List.of("oag-java-" + run + "-10", "oag-java-" + run + "-11")), "list: last page, ordered");
    PaginatedServerList byStatus = servers.dcimServersList()
        .rack(List.of(rack.getId())).status(List.of(ServerStatus.NEW)).limit(100).execute();
    check(byStatus.getCount() == 12, "list: filter by status");
    PaginatedServerList brief = servers.dcimServersList().rack(List.of(rack.getId())).brief(true).limit(1).execute();
    check(brief.getResults().get(0).getId() > 0 && brief.getResults().get(0).getSerialNumber() == null,
        "list: brief objects as the model");

    // Writes take the optional X-Request-ID and Idempotency-Key headers as trailing arguments.
    Server first = created.get(0);
    Server patched = servers.dcimServersPartialUpdate(
        first.getId(), new ServerPatch().status(ServerStatus.IN_USE).serialNumber("SN-" + run), null, null, null);
    check(patched.getStatus().getValue() == ServerStatus.IN_USE && ("SN-" + run).equals(patched.getSerialNumber()),
        "patch");

    ApiException bad = refusal(() -> servers.dcimServersCreate(new ServerCreate()
        .name("oag-java-" + run + "-bad")
        .rack(new ObjectReference(new ObjectAttributes().name("no-such-" + run))), null, null));
    check(bad.getCode() == 400, "unknown rack is a 400");
    check(bad.getResponseBody().contains("\"rack\""), "the 400 body names the field: " + bad.getResponseBody());

    servers.dcimServersDelete(first.getId(), null, null);
    check(refusal(() -> servers.dcimServersRetrieve(first.getId(), null, null, null, null, null)).getCode() == 404,
        "deleted server is 404");
    System.out.println("openapi-generator java client scenario: all passed");
  }
}
