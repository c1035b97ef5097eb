// Every htmx request carries the page's CSRF token in the header Spring Security expects (the
// token is in <meta name="csrf-token">). Plain forms carry it as a hidden field instead.
document.addEventListener("htmx:configRequest", function (event) {
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) {
    event.detail.headers[meta.getAttribute("data-header")] = meta.getAttribute("content");
  }
});
