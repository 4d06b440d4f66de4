/* The public site's only script, an enhancement: everything works without it.
   - The header menu: on small screens, folded behind the « Menu » button (aria-expanded).
   - Elements marked data-fold-on-phone (the search filters): folded on small screens so
     that results come first. */
(function () {
  "use strict";
  var phone = window.matchMedia("(max-width: 48rem)");

  var button = document.querySelector(".menu-button");
  if (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") === "true";
      button.setAttribute("aria-expanded", open ? "false" : "true");
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        button.setAttribute("aria-expanded", "false");
        button.focus();
      }
    });
  }

  if (phone.matches) {
    document.querySelectorAll("details[data-fold-on-phone]").forEach(function (details) {
      details.open = false;
    });
  }
})();
