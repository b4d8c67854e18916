"""schemathesis hooks of scripts/fuzz.sh: the two rules of the document that JSON Schema
cannot state, applied to generated requests and answers, and nothing else.

1. `cursor` is opaque: `""` (first page) or the value of a `next` link, never together with
   `offset`/`page`/`page_size` (both are in the parameter's description; the server answers
   400 otherwise). Generated cursors are replaced by `""` and the other pagination
   parameters dropped, so the rest of the list request is still tested.
2. A reference to an object that does not exist (`"rack": 99999`, `{"name": "R204"}` that
   names no rack) is a 400 the schema cannot predict: it depends on the database, not on the
   shape. So are the rules between two values JSON Schema cannot relate: a rack position
   against the rack it names (a position needs a rack and must be within its height), a
   network's gateway inside the network. A schema-valid request rejected *only* for such
   reasons is not a finding; any other message in the same 400 keeps it one. Also of that kind:
   a reference whose attributes match several objects, a network address with host bits set
   for its prefix length, a scan range's ends (reversed, or too many addresses between them),
   and a `page` whose product with `page_size` is deeper than the maximum offset (the
   document bounds each parameter alone).
   Two more of that kind, each matched by its exact message on its own field: a user's
   `password` too common (a word list) or too similar to the username, names or email (other
   fields) — its length and "not entirely numeric" are in the document; and a permission's
   `actions` naming an action the resources of its `object_types` do not have (a rule between
   the two fields); and a write alias (a forwarding's `url`) sent beside its field with a
   different value (the document says "send either"; whether both are allowed depends on
   their values). Also state-dependent: a workflow field (a server's `status`) changed by
   PUT/PATCH to a value no transition leads to from the stored one; one id twice in a bulk write
   (said in the operations' descriptions, not as `uniqueItems`, which generators turn into Sets);
   a validity period's `date_to` before its `date_from`; a permission's `constraints`, a list
   filter query of the types it names (parsed by that list's filters). And what a free-form JSON
   field refuses inside it (NUL, unpaired surrogates, numbers beyond a double), said in its
   description.
"""

import json
import re

import schemathesis

PAGINATION = ("offset", "page", "page_size")
# A nested reference's message names the path to it first ("manufacturer: No Manufacturer matches …").
MISSING_REFERENCE = re.compile(
    r"^(?:\w+: )*(No .+ matches .+\.|Several \w+ objects match .+; add attributes to pick one\."
    r"|Invalid pk .+ - object does not exist\.|A position needs a rack\."
    r"|Position \d+ is above the rack's \d+ units\.|\S+ is not inside \S+\."
    # Between an address and its prefix length (host bits), or a scan range's two ends.
    r'|"[^"]+" has host bits set; the network is \S+\.'
    r"|The range holds \d+ addresses; at most \d+ may be scanned at once\.|ip_to must not come before ip_from\."
    # A workflow field (a server's `status`) set by PUT/PATCH to a value no transition leads to from
    # the stored one: the stored value decides, not the shape.
    r'|No transition leads from "[^"]*" to "[^"]*": "\w+" changes only through the workflow '
    r"\(GET \S+ lists the ones open now; run one with POST \S+\)\.)$",
    re.DOTALL,
)
PER_FIELD = {
    "password": re.compile(
        r"^(This password is too common\.|The password is too similar to the "
        r"(username|first name|last name|email address)\.)$"
    ),
    # (page - 1) × page_size past the maximum offset: the document bounds each alone (page by the
    # maximum offset + 1, which holds for page_size 1), not their product.
    "page": re.compile(r"^Deeper than \d+ rows: use cursor pagination to go further \(\?cursor= starts it; each page's next link continues\)\.$"),
    "actions": re.compile(r'^Unknown action "[^"]*"(, "[^"]*")* of \S+(, \S+)*\. Valid: [a-z0-9_, ]+\.$'),
    # One id twice in a bulk write (the operations' descriptions say so): a bulk update's items carry
    # more than the id, which `uniqueItems` cannot relate, and on a bulk delete openapi-generator would
    # type a `uniqueItems` array as a Set (typescript-axios sends `{}`).
    "non_field_errors": re.compile(r"^Id \d+ appears more than once\.$"),
    # A validity period's end before its start (support contracts, certificates): two values, or
    # one sent and one stored.
    "date_to": re.compile(r"^Must not be before date_from\.$"),
    # A permission's constraint is a list filter query of the types it names ("status=in_use"),
    # checked by that list's own filter parser: each error names the filter parameter first, or
    # says the types must be named one by one (a rule between the two fields).
    "constraints": re.compile(r"^(A constraint needs object types named one by one \(no `\*`\)\.|[^:]*: .+)$", re.DOTALL),
    # A write alias sent beside its field with another value (JSON Schema cannot compare two values).
    "url": re.compile(
        r"^url is another name for \S+, which has a different value here: send one of them, or both with the same value\.$"
    ),
}


# What a free-form JSON field (`local_context_data`) refuses at any depth, said in its description:
# JSON Schema's `{}` could say it only through a recursive schema generators do not compile. Only
# on a field whose sent value is an object or array (a plain string field documents NUL itself).
FREE_FORM = re.compile(
    r"^(Null characters are not allowed\.|Unpaired UTF-16 surrogates \(\\ud800-\\udfff alone\) are not allowed\."
    r"|Numbers must be within ±1\.7976931348623157e308 \(a double\)\.)$"
)


def _structured(body, field):
    items = body if isinstance(body, list) else [body]
    return any(isinstance(item, dict) and isinstance(item.get(field), (dict, list)) for item in items)


@schemathesis.hook
def map_query(ctx, query):
    if query and "cursor" in query:
        query = {k: v for k, v in query.items() if k not in PAGINATION}
        query["cursor"] = ""
    return query


def _messages(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _messages(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _messages(item)


def _errors(body):
    """(field, message) pairs of a 400's body, nested errors under their top-level field; a bulk
    body's list holds one such object per item."""
    if isinstance(body, dict):
        return [(field, m) for field, value in body.items() for m in _messages(value)]
    if isinstance(body, list) and all(isinstance(item, dict) for item in body):
        return [pair for item in body for pair in _errors(item)]
    return [(None, m) for m in _messages(body)]


# Undeclared-method probes (ST204) and Allow checks (ST205) of a `#bulk` path: its URL is the
# list URL, whose other methods are its own documented operations (see fuzz.toml).
BULK_PATH_METHOD_CHECKS = ("ST204", "ST205")


@schemathesis.hook
def filter_failure(ctx, failure, case, response):
    """Keep every failure but a positive case refused only for the two rules above."""
    code = getattr(failure, "code", None)
    if code in BULK_PATH_METHOD_CHECKS and case.operation.path.endswith("#bulk"):
        return False
    if code != "ST202" or response.status_code != 400:
        return True
    try:
        errors = _errors(json.loads(response.content or b"null"))
    except ValueError:
        return True
    # The coverage phase sends its cases as generated (no `map_query`): a cursor there is judged here.
    has_cursor = "cursor" in (case.query or {})
    expected = [
        MISSING_REFERENCE.match(message)
        or (field == "cursor" and has_cursor)
        or (field in PER_FIELD and PER_FIELD[field].match(message))
        or (FREE_FORM.match(message) and _structured(case.body, field))
        for field, message in errors
    ]
    return not (expected and all(expected))
