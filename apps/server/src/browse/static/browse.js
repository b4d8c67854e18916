// The browsable API's forms: each is sent as JSON through the API's own handlers
// (fetch with the session's CSRF token); a 4xx shows its field errors next to the fields.

const csrf = document.querySelector('meta[name="csrf-token"]')?.getAttribute("content") ?? "";

/** One relation value as the API takes it: an id, or an object naming the target by its lookup field. */
function relation(text, lookup) {
  const t = text.trim();
  return /^\d+$/.test(t) || !lookup ? Number(t) : { [lookup]: t };
}

/** A form control's text as the JSON value of its field kind. */
function jsonValue(el) {
  const v = el.value;
  switch (el.dataset.kind) {
    case "int":
    case "number":
      return Number(v);
    case "bool":
      return v === "true";
    case "json":
      return JSON.parse(v);
    case "related":
      return relation(v, el.dataset.lookup);
    case "related_list":
      return v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
        .map((s) => relation(s, el.dataset.lookup));
    default:
      return v;
  }
}

/** The JSON body: a raw textarea as written, or typed fields (PATCH: only the changed ones). */
function bodyOf(form, method) {
  const raw = form.querySelector('[name="_raw"]');
  if (raw) return raw.value.trim() ? JSON.parse(raw.value) : undefined;
  const controls = form.querySelectorAll("[data-kind]");
  if (!controls.length) return undefined;
  const body = {};
  for (const el of controls) {
    const initial = el.tagName === "SELECT" ? (el.querySelector("option[selected]")?.value ?? "") : el.defaultValue;
    if (method === "PATCH" && el.value === initial) continue;
    if (el.value === "") {
      if (method !== "POST" && el.dataset.nullable) body[el.name] = null;
      else if (method === "PATCH" && el.dataset.kind === "related_list") body[el.name] = [];
      else if (method === "PATCH" && el.dataset.kind === "string") body[el.name] = "";
      continue;
    }
    body[el.name] = jsonValue(el);
  }
  return body;
}

function showErrors(form, status, data) {
  const box = form.querySelector(".form-errors");
  const lines = [];
  if (data && typeof data === "object" && !Array.isArray(data)) {
    for (const [key, messages] of Object.entries(data)) {
      const text = Array.isArray(messages) ? messages.join(" ") : JSON.stringify(messages);
      const slot = form.querySelector(`.field-error[data-for="${CSS.escape(key)}"]`);
      if (slot) {
        slot.textContent = text;
        slot.closest(".field")?.classList.add("invalid");
      } else lines.push(key === "detail" || key === "non_field_errors" ? text : `${key}: ${text}`);
    }
  } else lines.push(JSON.stringify(data));
  box.textContent = lines.length ? `${status}: ${lines.join(" · ")}` : `${status}: see the marked fields.`;
}

async function submit(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const method = event.submitter?.value || "POST";
  if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) return;
  for (const slot of form.querySelectorAll(".field-error")) slot.textContent = "";
  for (const f of form.querySelectorAll(".field.invalid")) f.classList.remove("invalid");
  const box = form.querySelector(".form-errors");
  box.textContent = "";
  let body;
  try {
    body = bodyOf(form, method);
  } catch (e) {
    box.textContent = `Not valid JSON: ${e.message}`;
    return;
  }
  const res = await fetch(form.dataset.url, {
    method,
    credentials: "same-origin",
    headers: {
      Accept: "application/json",
      "X-CSRFToken": csrf,
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let data = text;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {}
  if (!res.ok) return showErrors(form, res.status, data);
  const after = form.dataset.after ?? "reload";
  if (after === "follow" && data?.url) window.location.assign(data.url);
  else if (after.startsWith("goto:")) window.location.assign(after.slice(5));
  else if (after === "show") {
    const out = form.querySelector("pre.result");
    out.hidden = false;
    out.textContent = `${res.status} ${JSON.stringify(data, null, 2) ?? ""}`;
  } else window.location.reload();
}

/** Empty filter inputs are left out of the query (an empty value is not "any"). */
function dropEmpty(event) {
  for (const el of event.currentTarget.querySelectorAll("input, select")) if (el.value === "") el.disabled = true;
}

for (const form of document.querySelectorAll("form.api-form")) form.addEventListener("submit", submit);
for (const form of document.querySelectorAll("form.filters")) form.addEventListener("submit", dropEmpty);
