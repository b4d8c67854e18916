"""The client scenario on the client openapi-generator's `python` generator makes from
openapi/rackplane.yaml (never edited). Run by clients/openapi-generator/run.sh against a
live server: RACKPLANE_URL and RACKPLANE_TOKEN in the environment. Exits non-zero on the
first surprise."""

import os
import sys
import uuid

import rackplane_oag as oag
from rackplane_oag.api.auth_api import AuthApi
from rackplane_oag.api.dcim_data_centers_api import DcimDataCentersApi
from rackplane_oag.api.dcim_racks_api import DcimRacksApi
from rackplane_oag.api.dcim_regions_api import DcimRegionsApi
from rackplane_oag.api.dcim_server_rooms_api import DcimServerRoomsApi
from rackplane_oag.api.dcim_servers_api import DcimServersApi
from rackplane_oag.exceptions import ApiException
from rackplane_oag.models import (
    DataCenterCreate,
    ObjectAttributes,
    ObjectReference,
    RackCreate,
    RegionCreate,
    ServerCreate,
    ServerPatch,
    ServerRoomCreate,
    ServerStatus,
)


def check(cond: bool, what: str) -> None:
    if not cond:
        print(f"FAILED: {what}", file=sys.stderr)
        sys.exit(1)
    print(f"ok - {what}")


def main() -> None:
    url, token = os.environ["RACKPLANE_URL"], os.environ["RACKPLANE_TOKEN"]
    run = uuid.uuid4().hex[:8]

    try:
        AuthApi(oag.ApiClient(oag.Configuration(host=url))).whoami()
        check(False, "anonymous whoami is 401")
    except ApiException as e:
        check(e.status == 401, "anonymous whoami is 401")
    config = oag.Configuration(host=url, api_key={"tokenAuth": token}, api_key_prefix={"tokenAuth": "Token"})
    client = oag.ApiClient(config)
    check(AuthApi(client).whoami().username == "admin", "Token auth: whoami")

    region = DcimRegionsApi(client).dcim_regions_create(RegionCreate(name=f"Region {run}", slug=f"region-{run}"))
    check(region.slug == f"region-{run}", "create region")
    dc = DcimDataCentersApi(client).dcim_data_centers_create(
        DataCenterCreate(name=f"DC {run}", slug=f"dc-{run}", region=ObjectReference(region.id))
    )
    check(dc.region is not None and dc.region.id == region.id, "create data center in the region")
    room = DcimServerRoomsApi(client).dcim_server_rooms_create(
        ServerRoomCreate(name=f"Room {run}", data_center=ObjectReference(dc.id))
    )
    check(room.data_center.id == dc.id, "create server room")
    rack = DcimRacksApi(client).dcim_racks_create(
        RackCreate(name=f"R-{run}", server_room=ObjectReference(room.id), u_height=42)
    )
    check(rack.u_height == 42, "create rack")

    servers = DcimServersApi(client)
    # Bulk create (its own operation, a plain list in and out), the rack given by attributes.
    by_name = ObjectReference(ObjectAttributes(name=f"R-{run}"))
    bulk = [
        ServerCreate(name=f"oag-py-{run}-{i:02d}", rack=by_name, position=i + 1, status=ServerStatus.NEW)
        for i in range(12)
    ]
    created = servers.dcim_servers_bulk_create(bulk)
    check(isinstance(created, list) and len(created) == 12, "bulk create 12 servers")
    check(all(s.rack is not None and s.rack.id == rack.id for s in created), "FK by attributes resolved to the rack")

    # Filters + pagination; list items are the plain model.
    page1 = servers.dcim_servers_list(rack=[rack.id], limit=5, offset=0, ordering=["name"])
    check(page1.count == 12 and len(page1.results) == 5, "list: filter by rack, page of 5 of 12")
    check(page1.next is not None, "list: next page link")
    page3 = servers.dcim_servers_list(rack=[rack.id], limit=5, offset=10, ordering=["name"])
    check([s.name for s in page3.results] == [f"oag-py-{run}-10", f"oag-py-{run}-11"], "list: last page, ordered")
    by_status = servers.dcim_servers_list(rack=[rack.id], status=[ServerStatus.NEW], limit=100)
    check(by_status.count == 12, "list: filter by status")
    brief = servers.dcim_servers_list(rack=[rack.id], brief=True, limit=1)
    check(brief.results[0].id > 0 and brief.results[0].serial_number is None, "list: brief objects parse as the model")

    # Patch.
    first = created[0]
    patched = servers.dcim_servers_partial_update(first.id, ServerPatch(status=ServerStatus.IN_USE, serial_number=f"SN-{run}"))
    check(patched.status.value == ServerStatus.IN_USE and patched.serial_number == f"SN-{run}", "patch")

    # A 400 names the field: a rack given by attributes that match none.
    try:
        servers.dcim_servers_create(
            ServerCreate(name=f"oag-py-{run}-bad", rack=ObjectReference(ObjectAttributes(name=f"no-such-{run}")))
        )
        check(False, "unknown rack is a 400")
    except ApiException as e:
        check(e.status == 400, "unknown rack is a 400")
        check('"rack"' in (e.body or ""), f"the 400 body names the field: {e.body}")

    # Delete.
    servers.dcim_servers_delete(first.id)
    try:
        servers.dcim_servers_retrieve(first.id)
        check(False, "deleted server is 404")
    except ApiException as e:
        check(e.status == 404, "deleted server is 404")
    print("openapi-generator python client scenario: all passed")


if __name__ == "__main__":
    main()
