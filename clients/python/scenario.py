"""The client scenario, in Python, on a client generated from openapi/rackplane.yaml by
openapi-python-client (never edited). Run by clients/python/run.sh against a live server:
RACKPLANE_URL and RACKPLANE_TOKEN in the environment. Exits non-zero on the first surprise."""

import os
import sys
import uuid

from rackplane_api_client import AuthenticatedClient, Client
from rackplane_api_client.api.auth import whoami
from rackplane_api_client.api.dcim_data_centers import dcim_data_centers_create
from rackplane_api_client.api.dcim_racks import dcim_racks_create
from rackplane_api_client.api.dcim_regions import dcim_regions_create
from rackplane_api_client.api.dcim_server_rooms import dcim_server_rooms_create
from rackplane_api_client.api.dcim_servers import (
    dcim_servers_bulk_create,
    dcim_servers_create,
    dcim_servers_delete,
    dcim_servers_list,
    dcim_servers_partial_update,
    dcim_servers_retrieve,
)
from rackplane_api_client.models import (
    DcimServersListOrderingItem,
    DataCenterCreate,
    ObjectAttributes,
    RackCreate,
    RegionCreate,
    Server,
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


def ref(**attrs: object) -> ObjectAttributes:
    """An FK written by attributes: {"name": "R1"} instead of an id."""
    r = ObjectAttributes()
    r.additional_properties.update(attrs)
    return r


def main() -> None:
    url, token = os.environ["RACKPLANE_URL"], os.environ["RACKPLANE_TOKEN"]
    run = uuid.uuid4().hex[:8]

    anonymous = Client(base_url=url)
    check(whoami.sync_detailed(client=anonymous).status_code == 401, "anonymous whoami is 401")
    api = AuthenticatedClient(base_url=url, token=token, prefix="Token", raise_on_unexpected_status=True)
    check(whoami.sync_detailed(client=api).status_code == 200, "Token auth: whoami is 200")

    region = dcim_regions_create.sync(client=api, body=RegionCreate(name=f"Region {run}", slug=f"region-{run}"))
    check(region is not None and region.slug == f"region-{run}", "create region")
    dc = dcim_data_centers_create.sync(
        client=api, body=DataCenterCreate(name=f"DC {run}", slug=f"dc-{run}", region=region.id)
    )
    check(dc.region is not None and dc.region.id == region.id, "create data center in the region")
    room = dcim_server_rooms_create.sync(client=api, body=ServerRoomCreate(name=f"Room {run}", data_center=dc.id))
    check(room.data_center.id == dc.id, "create server room")
    rack = dcim_racks_create.sync(client=api, body=RackCreate(name=f"R-{run}", server_room=room.id, u_height=42))
    check(rack.u_height == 42, "create rack")

    # Bulk create (its own operation: a JSON array to the list URL), the rack given by attributes.
    bulk = [
        ServerCreate(name=f"py-{run}-{i:02d}", rack=ref(name=f"R-{run}"), position=i + 1, status=ServerStatus.NEW)
        for i in range(12)
    ]
    created = dcim_servers_bulk_create.sync(client=api, body=bulk)
    check(isinstance(created, list) and len(created) == 12, "bulk create 12 servers")
    check(all(s.rack is not None and s.rack.id == rack.id for s in created), "FK by attributes resolved to the rack")

    # Filters + pagination.
    page1 = dcim_servers_list.sync(client=api, rack=[rack.id], limit=5, offset=0, ordering=[DcimServersListOrderingItem("name")])
    check(page1.count == 12 and len(page1.results) == 5, "list: filter by rack, page of 5 of 12")
    check(page1.next_ is not None, "list: next page link")
    page3 = dcim_servers_list.sync(client=api, rack=[rack.id], limit=5, offset=10, ordering=[DcimServersListOrderingItem("name")])
    check([s.name for s in page3.results] == [f"py-{run}-10", f"py-{run}-11"], "list: last page, ordered")
    by_status = dcim_servers_list.sync(client=api, rack=[rack.id], status=[ServerStatus.NEW], limit=100)
    check(by_status.count == 12, "list: filter by status")

    # Patch.
    first = created[0]
    patched = dcim_servers_partial_update.sync(
        client=api, id=first.id, body=ServerPatch(status=ServerStatus.IN_USE, serial_number=f"SN-{run}")
    )
    check(patched.status.value == ServerStatus.IN_USE and patched.serial_number == f"SN-{run}", "patch")

    # A 400 names the field, and the client parses the error body.
    lenient = AuthenticatedClient(base_url=url, token=token, prefix="Token")
    bad = dcim_servers_create.sync_detailed(client=lenient, body=ServerCreate(name=f"py-{run}-bad", position=-3))
    check(bad.status_code == 400, "invalid position is a 400")
    # The 400 of a create is documented as one of two shapes (an object of field errors, or a
    # list of them when the same URL gets an array, a bulk create); openapi-python-client
    # hands such a union over as the decoded JSON.
    parsed = bad.parsed
    errors = parsed.to_dict() if hasattr(parsed, "to_dict") else parsed if isinstance(parsed, dict) else {}
    check("position" in errors, f"the 400 body names the field: {errors}")

    # Delete.
    check(dcim_servers_delete.sync_detailed(client=api, id=first.id).status_code == 204, "delete")
    gone = dcim_servers_retrieve.sync_detailed(client=lenient, id=first.id)
    check(gone.status_code == 404, "deleted server is 404")
    print("python client scenario: all passed")


if __name__ == "__main__":
    main()
