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
