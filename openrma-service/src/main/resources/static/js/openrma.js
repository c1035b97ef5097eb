// Every htmx request carries the page's CSRF token in the header Spring Security expects (the
// token is in <meta name="csrf-token">). Plain forms carry it as a hidden field instead.
document.addEventListener("htmx:configRequest", function (event) {
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) {
    event.detail.headers[meta.getAttribute("data-header")] = meta.getAttribute("content");
  }
});

// The request form offers only the reasons that fit the chosen kind of request (each reason lists its kinds in
// data-kinds; the server renders the same choice and refuses a reason that does not fit). Capture phase, so the
// reason is already cleared when htmx posts the form for the preview.
document.addEventListener("change", function (event) {
  var kind = event.target;
  var reason = document.getElementById("reason");
  if (kind.id !== "kind" || !reason) {
    return;
  }
  Array.prototype.forEach.call(reason.querySelectorAll("option[data-kinds]"), function (option) {
    var fits = (" " + option.getAttribute("data-kinds") + " ").indexOf(" " + kind.value + " ") >= 0;
    option.hidden = !fits;
    if (!fits && option.selected) {
      reason.value = "";
    }
  });
}, true);

// A preview can answer a request sent before the customer picked what they would like (its choice is the one that went with
// the request): the new preview keeps what is picked on the page when it still offers it.
var PREVIEW_CHOICES = ["resolution", "exchange_sku"];
var pickedBeforePreview = [];
document.addEventListener("htmx:beforeSwap", function (event) {
  if (event.detail.target.id !== "preview") {
    return;
  }
  pickedBeforePreview = PREVIEW_CHOICES.map(function (name) {
    var picked = document.querySelector('#preview input[name="' + name + '"]:checked');
    return picked ? picked.id : null;
  });
});
document.addEventListener("htmx:afterSwap", function (event) {
  if (event.detail.target.id !== "preview") {
    return;
  }
  pickedBeforePreview.forEach(function (id) {
    var still = id && document.getElementById(id);
    if (still && !still.disabled) {
      still.checked = true;
    }
  });
  pickedBeforePreview = [];
});

// A customer (or an agent) can change a form before the page's scripts have loaded (a slow connection, a photo attached at
// once): htmx did not see that change, so what it would have fetched (the preview beside the request form, a lint, a
// breakdown) still answers the form as it was served. Once htmx listens (it sets itself up on DOMContentLoaded before
// this script's listener runs), each such element is told of the change as its trigger expects it.
document.addEventListener("DOMContentLoaded", function () {
  Array.prototype.forEach.call(document.querySelectorAll("[hx-trigger]"), function (element) {
    var fields = element.tagName === "FORM" ? element.elements : [element];
    if (Array.prototype.some.call(fields, changedSinceServed)) {
      var trigger = element.getAttribute("hx-trigger");
      var onInputAlone = /^\s*input\b/.test(trigger) && !/\bchange\b/.test(trigger);
      element.dispatchEvent(new Event(onInputAlone ? "input" : "change", {bubbles: true}));
    }
  });
});

function changedSinceServed(field) {
  if (field.type === "file") {
    return field.files.length > 0;
  }
  if (field.type === "checkbox" || field.type === "radio") {
    return field.checked !== field.defaultChecked;
  }
  if (field.tagName === "SELECT") {
    // a single choice with no option marked selected was served showing its first option
    var noneMarked = !Array.prototype.some.call(field.options, function (option) { return option.defaultSelected; });
    return Array.prototype.some.call(field.options, function (option, i) {
      var served = option.defaultSelected || (noneMarked && field.type === "select-one" && i === 0);
      return option.selected !== served;
    });
  }
  return "defaultValue" in field && field.value !== field.defaultValue;
}
