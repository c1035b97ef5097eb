// The policy studio's editor: CodeMirror 6 over the draft's <textarea>, which stays the form field (and the editor
// for a browser without JavaScript). Completion and hover documentation come from the policy JSON Schema the server
// serves; every diagnostic of the server's linter is marked where it is; choosing a diagnostic in the list moves the
// cursor to it. Built into src/main/resources/static/js/studio-editor.js by build.sh.
import { EditorView, basicSetup } from "codemirror";
import { yaml } from "@codemirror/lang-yaml";
import { linter, lintGutter, forceLinting } from "@codemirror/lint";
import { autocompletion } from "@codemirror/autocomplete";
import { hoverTooltip, keymap } from "@codemirror/view";
import { indentWithTab } from "@codemirror/commands";

const KEY = /^([A-Za-z0-9_.\-]+)\s*:(\s|$)/;

/** The structure of one line: the columns of its list dashes, and its key with the key's column. */
function shape(text) {
  let col = text.length - text.trimStart().length;
  const dashes = [];
  while (text.startsWith("- ", col) || (text.length === col + 1 && text[col] === "-")) {
    dashes.push(col);
    col += 1;
    while (text[col] === " ") col++;
  }
  const m = KEY.exec(text.slice(col));
  return { dashes, keyCol: col, key: m ? m[1] : null, afterColon: m ? col + m[0].length - m[2].length : -1 };
}

/**
 * Where the cursor is in the file's structure: the path of keys ("*" for a list item) to the mapping whose key is being
 * written (mode "key"), or to the value being written (mode "value").
 */
export function pathAt(doc, pos) {
  const line = doc.lineAt(pos);
  const before = line.text.slice(0, pos - line.from);
  const s = shape(line.text);
  const segments = s.dashes.map(() => "*");
  let mode = "key";
  if (s.key && s.afterColon >= 0 && before.length >= s.afterColon) {
    mode = "value";
    segments.push(s.key);
  }
  let col = s.dashes.length ? s.dashes[0] : s.keyCol;
  for (let n = line.number - 1; n >= 1 && col > 0; n--) {
    const text = doc.line(n).text;
    if (!text.trim() || text.trimStart().startsWith("#")) continue;
    const above = shape(text);
    const anchors = above.dashes.map((c) => [c, "*"]);
    if (above.key) anchors.push([above.keyCol, above.key]);
    const taken = [];
    for (let i = anchors.length - 1; i >= 0; i--) {
      if (anchors[i][0] < col) {
        taken.unshift(anchors[i][1]);
        col = anchors[i][0];
      }
    }
    segments.unshift(...taken);
  }
  return { segments, mode };
}

/** The schema node a path leads to, through $ref, allOf/oneOf/anyOf, items and properties. */
function resolve(schema, segments) {
  let nodes = [schema];
  for (const seg of segments) {
    const next = [];
    for (const n of nodes.flatMap((x) => variants(schema, x))) {
      if (seg === "*") {
        if (n.items) next.push(n.items);
      } else if (n.properties && n.properties[seg]) {
        next.push(n.properties[seg]);
      } else if (n.additionalProperties && typeof n.additionalProperties === "object") {
        next.push(n.additionalProperties);
      }
    }
    if (!next.length) return [];
    nodes = next;
  }
  return nodes.flatMap((x) => variants(schema, x));
}

/** A schema node with its references followed and its alternatives spread out. */
function variants(schema, node, depth = 0) {
  if (!node || typeof node !== "object" || depth > 12) return [];
  let out = [node];
  if (node.$ref && node.$ref.startsWith("#/")) {
    const target = node.$ref.slice(2).split("/").reduce((o, k) => (o ? o[k] : undefined), schema);
    out = out.concat(variants(schema, target, depth + 1));
  }
  for (const k of ["allOf", "oneOf", "anyOf"]) {
    if (Array.isArray(node[k])) node[k].forEach((v) => (out = out.concat(variants(schema, v, depth + 1))));
  }
  return out;
}

function describe(nodes) {
  const text = nodes.map((n) => n.description).find(Boolean);
  const types = [...new Set(nodes.map((n) => n.type).filter((t) => typeof t === "string"))];
  const values = [...new Set(nodes.flatMap((n) => n.enum || []))];
  const keys = [...new Set(nodes.flatMap((n) => Object.keys(n.properties || {})))];
  return [text, types.length ? "type: " + types.join(" or ") : null, values.length ? "one of: " + values.join(", ") : null,
    keys.length ? "keys: " + keys.join(", ") : null].filter(Boolean).join("\n");
}

function schemaCompletions(schemaPromise) {
  return async (context) => {
    const word = context.matchBefore(/[A-Za-z0-9_.\-]*/);
    if (!word || (word.from === word.to && !context.explicit)) return null;
    const schema = await schemaPromise;
    if (!schema) return null;
    const { segments, mode } = pathAt(context.state.doc, context.pos);
    const nodes = resolve(schema, segments);
    const options = [];
    if (mode === "key") {
      const seen = new Set();
      for (const n of nodes) {
        for (const [key, sub] of Object.entries(n.properties || {})) {
          if (seen.has(key)) continue;
          seen.add(key);
          options.push({ label: key, type: "property", apply: key + ": ", info: describe(variants(schema, sub)) || undefined });
        }
      }
    } else {
      for (const v of new Set(nodes.flatMap((n) => n.enum || []))) options.push({ label: String(v), type: "enum" });
      if (nodes.some((n) => n.type === "boolean")) ["true", "false"].forEach((b) => options.push({ label: b, type: "keyword" }));
    }
    return options.length ? { from: word.from, options, validFor: /^[A-Za-z0-9_.\-]*$/ } : null;
  };
}

function schemaHover(schemaPromise) {
  return hoverTooltip(async (view, pos) => {
    const line = view.state.doc.lineAt(pos);
    const s = shape(line.text);
    if (!s.key) return null;
    const from = line.from + s.keyCol;
    const to = from + s.key.length;
    if (pos < from || pos > to) return null;
    const schema = await schemaPromise;
    if (!schema) return null;
    const { segments } = pathAt(view.state.doc, from);
    const doc = describe(resolve(schema, segments.concat([s.key])));
    if (!doc) return null;
    return {
      pos: from, end: to, above: true,
      create() {
        const dom = document.createElement("div");
        dom.className = "schema-doc";
        const title = document.createElement("strong");
        title.textContent = s.key;
        const body = document.createElement("pre");
        body.textContent = doc;
        dom.append(title, body);
        return { dom };
      },
    };
  });
}

function csrfHeaders() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  const headers = { "Content-Type": "application/x-www-form-urlencoded" };
  if (meta) headers[meta.getAttribute("data-header")] = meta.getAttribute("content");
  return headers;
}

/** The server's diagnostics as CodeMirror diagnostics: from the reported line and column to the end of the word there. */
function serverLinter(url) {
  return linter(async (view) => {
    const response = await fetch(url, {
      method: "POST", headers: csrfHeaders(), credentials: "same-origin",
      body: new URLSearchParams({ source: view.state.doc.toString() }),
    });
    if (!response.ok) return [];
    const report = await response.json();
    const doc = view.state.doc;
    return report.diagnostics.map((d) => {
      const line = doc.line(Math.min(Math.max(d.line, 1), doc.lines));
      const from = d.line < 1 ? 0 : Math.min(line.from + Math.max(d.column, 1) - 1, line.to);
      const rest = doc.sliceString(from, line.to);
      const word = /^[^\s,:{}\[\]]+/.exec(rest);
      const to = word ? from + word[0].length : line.to > from ? line.to : from;
      return { from, to, severity: d.severity === "error" ? "error" : d.severity === "warning" ? "warning" : "info", message: d.message };
    });
  }, { delay: 500 });
}

function start() {
  const textarea = document.getElementById("source");
  const host = document.getElementById("editor");
  if (!textarea || !host) return;
  const schemaPromise = fetch(host.dataset.schema, { credentials: "same-origin" })
    .then((r) => (r.ok ? r.json() : null)).catch(() => null);
  // In a shadow root, CodeMirror's styles go in a constructed style sheet: the page's CSP (style-src 'self') refuses
  // the <style> element it would add to the document.
  const root = host.attachShadow({ mode: "open" });
  const view = new EditorView({
    doc: textarea.value,
    parent: root,
    root,
    extensions: [
      EditorView.theme({
        "&": { height: "min(32rem, 75vh)", fontSize: ".85rem", backgroundColor: "#fff", borderRadius: "6px" },
        ".cm-scroller": { fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace" },
        "&.cm-focused": { outline: "none" },
        ".schema-doc": { maxWidth: "28rem", padding: ".25rem .5rem", fontFamily: "system-ui, sans-serif", fontSize: ".85rem" },
        ".schema-doc pre": { margin: ".25rem 0 0", whiteSpace: "pre-wrap", fontFamily: "inherit" },
      }),
      basicSetup,
      keymap.of([indentWithTab]),
      yaml(),
      EditorView.lineWrapping,
      lintGutter(),
      serverLinter(host.dataset.lint),
      autocompletion({ override: [schemaCompletions(schemaPromise)] }),
      schemaHover(schemaPromise),
      EditorView.contentAttributes.of({ "aria-label": "Policy YAML", "aria-describedby": "source_hint" }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) {
          textarea.value = update.state.doc.toString();
          // the diagnostics list (htmx) listens to the textarea
          textarea.dispatchEvent(new Event("input", { bubbles: true }));
        }
      }),
    ],
  });
  host.hidden = false;
  textarea.hidden = true;
  host.studioEditor = view;
  forceLinting(view);

  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("a.goto-diagnostic");
    if (!link) return;
    event.preventDefault();
    const doc = view.state.doc;
    const line = doc.line(Math.min(Math.max(Number(link.dataset.line) || 1, 1), doc.lines));
    const pos = Math.min(line.from + Math.max(Number(link.dataset.column) || 1, 1) - 1, line.to);
    view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: "center" }) });
    view.focus();
  });
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start);
} else {
  start();
}
