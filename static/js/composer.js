/* The post composer of the extranet, an enhancement of a plain <textarea data-composer>:
   without this script the textarea, its help text and the « Prévisualiser » button (which
   posts the form back) do everything. With it:
   - a toolbar (role="toolbar", arrow keys move between its buttons) wraps the selection in
     Markdown: bold, italic, link, lists, quote, code, heading; Ctrl/Cmd+B and +I too;
   - a live preview under the textarea, rendered by the server (data-preview-url: the code
     that renders the published post), refreshed while typing, announced politely;
   - @mention suggestions when the textarea names their URL (data-mentions-url);
   - « Citer » beside a post adds its quotation to the reply being written;
   - « Joindre un fichier » replaces the plain file input (data-attach-url): each chosen file
     is uploaded at once (it becomes a document of the space) and its link is inserted.
   No framework, no network call but to the portal itself. */
(function () {
  "use strict";

  var PREVIEW_DELAY = 400; // ms of calm typing before asking the server for a preview

  function csrfToken(form) {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function post(url, form, data) {
    var body = new FormData();
    Object.keys(data).forEach(function (key) { body.append(key, data[key]); });
    return fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(form), "X-Requested-With": "fetch" }
    });
  }

  /* --- editing the text ---------------------------------------------------------------- */

  function replaceSelection(textarea, before, after, placeholder) {
    var start = textarea.selectionStart, end = textarea.selectionEnd;
    var value = textarea.value;
    var selected = value.slice(start, end) || placeholder;
    var inserted = before + selected + after;
    textarea.setRangeText ? textarea.setRangeText(inserted, start, end, "end")
                          : (textarea.value = value.slice(0, start) + inserted + value.slice(end));
    textarea.selectionStart = start + before.length;
    textarea.selectionEnd = start + before.length + selected.length;
    textarea.focus();
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function prefixLines(textarea, prefix) {
    var value = textarea.value;
    var start = value.lastIndexOf("\n", textarea.selectionStart - 1) + 1;
    var end = textarea.selectionEnd;
    var block = value.slice(start, end) || "";
    var index = 0;
    var lines = block.split("\n").map(function (line) {
      index += 1;
      return (typeof prefix === "function" ? prefix(index) : prefix) + line;
    });
    var replaced = lines.join("\n");
    textarea.value = value.slice(0, start) + replaced + value.slice(end);
    textarea.selectionStart = start;
    textarea.selectionEnd = start + replaced.length;
    textarea.focus();
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  // A label holds its button's visible text (WCAG 2.5.3, « label in name », checked by axe):
  // someone who says what they see, with voice control, reaches the button.
  var ACTIONS = [
    { name: "bold", label: "Gras", text: "G", key: "b",
      run: function (t) { replaceSelection(t, "**", "**", "texte en gras"); } },
    { name: "italic", label: "Italique", text: "I", key: "i",
      run: function (t) { replaceSelection(t, "*", "*", "texte en italique"); } },
    { name: "link", label: "Lien", text: "Lien",
      run: function (t) { replaceSelection(t, "[", "](https://)", "texte du lien"); } },
    { name: "bulleted", label: "• Liste à puces", text: "• Liste",
      run: function (t) { prefixLines(t, "- "); } },
    { name: "numbered", label: "1. Liste numérotée", text: "1. Liste",
      run: function (t) { prefixLines(t, function (n) { return n + ". "; }); } },
    { name: "quote", label: "Citation", text: "« Citation »",
      run: function (t) { prefixLines(t, "> "); } },
    { name: "code", label: "Code", text: "Code",
      run: function (t) { replaceSelection(t, "`", "`", "code"); } },
    { name: "heading", label: "Intertitre", text: "Intertitre",
      run: function (t) { prefixLines(t, "## "); } }
  ];

  function buildToolbar(textarea) {
    var toolbar = document.createElement("div");
    toolbar.className = "composer__toolbar";
    toolbar.setAttribute("role", "toolbar");
    toolbar.setAttribute("aria-label", "Mise en forme du message");
    toolbar.setAttribute("aria-controls", textarea.id);
    ACTIONS.forEach(function (action, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "composer__tool composer__tool--" + action.name;
      button.textContent = action.text;
      button.title = action.label + (action.key ? " (Ctrl+" + action.key.toUpperCase() + ")" : "");
      button.setAttribute("aria-label", action.label);
      button.tabIndex = index === 0 ? 0 : -1; // one tab stop; arrows move inside (roving)
      button.addEventListener("click", function () { action.run(textarea); });
      toolbar.appendChild(button);
    });
    toolbar.addEventListener("keydown", function (event) {
      var buttons = Array.prototype.slice.call(toolbar.querySelectorAll("button"));
      var current = buttons.indexOf(document.activeElement);
      var next = null;
      if (event.key === "ArrowRight") next = (current + 1) % buttons.length;
      else if (event.key === "ArrowLeft") next = (current - 1 + buttons.length) % buttons.length;
      else if (event.key === "Home") next = 0;
      else if (event.key === "End") next = buttons.length - 1;
      if (next === null) return;
      event.preventDefault();
      buttons.forEach(function (b, i) { b.tabIndex = i === next ? 0 : -1; });
      buttons[next].focus();
    });
    textarea.addEventListener("keydown", function (event) {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      ACTIONS.forEach(function (action) {
        if (action.key && event.key.toLowerCase() === action.key) {
          event.preventDefault();
          action.run(textarea);
        }
      });
    });
    return toolbar;
  }

  /* --- live preview ---------------------------------------------------------------------- */

  function buildPreview(textarea, form) {
    var url = textarea.getAttribute("data-preview-url");
    var section = document.createElement("section");
    section.className = "composer__preview";
    var heading = document.createElement("p");
    heading.className = "composer__preview-title";
    heading.id = textarea.id + "_preview_title";
    heading.textContent = "Aperçu";
    var region = document.createElement("div");
    region.className = "post__body composer__preview-body";
    region.setAttribute("aria-labelledby", heading.id);
    region.setAttribute("aria-live", "polite");
    region.setAttribute("data-composer-preview", "");
    section.appendChild(heading);
    section.appendChild(region);

    var timer = null, asked = 0;
    function refresh() {
      var ticket = ++asked;
      if (!textarea.value.trim()) {
        region.innerHTML = "";
        section.hidden = true;
        return;
      }
      post(url, form, { body: textarea.value, format: textarea.getAttribute("data-composer") })
        .then(function (response) { return response.ok ? response.text() : Promise.reject(); })
        .then(function (html) {
          if (ticket !== asked) return; // an older answer arriving late
          // The server's answer is the sanitised HTML the post will show (forum.writing).
          region.innerHTML = html;
          section.hidden = false;
        })
        .catch(function () {
          if (ticket !== asked) return;
          region.textContent = "Aperçu indisponible pour le moment.";
          section.hidden = false;
        });
    }
    textarea.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, PREVIEW_DELAY);
    });
    section.hidden = true;
    if (textarea.value.trim()) refresh();
    return section;
  }

  /* --- @mention suggestions --------------------------------------------------------------- */
  /* The textarea stays a textbox (a textarea may take no other role) and drives a listbox
     popup, as in the WAI-ARIA 1.2 combobox pattern: aria-autocomplete="list", aria-controls
     and aria-activedescendant on the textarea, focus never leaves it. Typing « @ » and letters
     asks the server (data-mentions-url: active members of the space); Up/Down move, Enter or
     Tab write the handle, Escape closes, so does leaving the field. The number of suggestions
     is announced by a polite status (a textbox has no aria-expanded). */

  var MENTION_DELAY = 150; // ms
  // "@" at the start or after a character that cannot end a handle or an address, then the
  // handle being typed (the server's mentions.MENTION_PATTERN, read backwards from the caret).
  var MENTION_BEFORE_CARET = /(?:^|[^\p{L}\p{N}_@.+\-])@([\p{L}\p{N}_.+\-']{0,50})$/u;

  function buildMentions(textarea, field, status) {
    var url = textarea.getAttribute("data-mentions-url");
    var list = document.createElement("ul");
    list.id = textarea.id + "_mentions";
    list.className = "composer__mentions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Membres à mentionner");
    list.hidden = true;
    field.appendChild(list);
    textarea.setAttribute("aria-autocomplete", "list");
    textarea.setAttribute("aria-controls", list.id);

    var members = [], active = -1, token = null, dismissed = null, timer = null, asked = 0;

    function close() {
      list.hidden = true;
      list.innerHTML = "";
      members = [];
      active = -1;
      textarea.removeAttribute("aria-activedescendant");
    }

    function setActive(index) {
      active = index;
      Array.prototype.forEach.call(list.children, function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      var option = list.children[index];
      if (!option) return;
      textarea.setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    }

    function show(found) {
      close();
      members = found;
      if (!found.length) {
        status.textContent = "Aucun membre de l'espace ne correspond.";
        return;
      }
      found.forEach(function (member, index) {
        var option = document.createElement("li");
        option.id = list.id + "_" + index;
        option.setAttribute("role", "option");
        option.textContent = member.name;
        if (member.organisation) {
          var meta = document.createElement("span");
          meta.className = "meta";
          meta.textContent = " – " + member.organisation;
          option.appendChild(meta);
        }
        // mousedown would take the focus from the textarea (and close the list): keep it.
        option.addEventListener("mousedown", function (event) { event.preventDefault(); });
        option.addEventListener("click", function () { pick(index); });
        list.appendChild(option);
      });
      list.hidden = false;
      setActive(0);
      status.textContent = found.length + (found.length > 1 ? " membres proposés" : " membre proposé") +
        " : flèches haut et bas pour choisir, Entrée pour mentionner, Échap pour fermer.";
    }

    function pick(index) {
      var member = members[index];
      if (!member || !token) return;
      var end = textarea.selectionStart;
      var start = end - token.length - 1;
      var inserted = "@" + member.handle + " ";
      textarea.setRangeText(inserted, start, end, "end");
      close();
      token = null;
      status.textContent = member.name + " mentionné·e.";
      textarea.focus();
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    }

    function typed() {
      var caret = textarea.selectionStart;
      var match = textarea.selectionEnd === caret &&
        MENTION_BEFORE_CARET.exec(textarea.value.slice(0, caret));
      token = match ? match[1] : null;
      var where = match ? caret - token.length : null;
      clearTimeout(timer);
      if (token === null || where === dismissed) {
        if (!list.hidden) close();
        if (token === null) dismissed = null;
        return;
      }
      var ticket = ++asked;
      timer = setTimeout(function () {
        fetch(url + "?q=" + encodeURIComponent(token), {
          credentials: "same-origin", headers: { "X-Requested-With": "fetch" }
        })
          .then(function (response) { return response.ok ? response.json() : Promise.reject(); })
          .then(function (data) {
            if (ticket !== asked || token === null) return; // typed on meanwhile
            show(data.members || []);
          })
          .catch(function () { if (ticket === asked) close(); });
      }, MENTION_DELAY);
    }

    textarea.addEventListener("input", typed);
    textarea.addEventListener("click", typed);
    textarea.addEventListener("keyup", function (event) {
      if (event.key === "ArrowLeft" || event.key === "ArrowRight" ||
          event.key === "Home" || event.key === "End") typed();
    });
    textarea.addEventListener("blur", function () { clearTimeout(timer); asked++; close(); });
    textarea.addEventListener("keydown", function (event) {
      if (list.hidden || !members.length) return;
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        setActive((active + 1) % members.length);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        setActive((active - 1 + members.length) % members.length);
      } else if ((event.key === "Enter" || event.key === "Tab") && !event.shiftKey && active >= 0) {
        event.preventDefault();
        pick(active);
      } else if (event.key === "Escape") {
        event.preventDefault(); // Escape closes the list, not a dialog around the form
        dismissed = textarea.selectionStart - (token || "").length;
        close();
        status.textContent = "Suggestions fermées.";
      }
    });
  }

  /* --- quoting a post -------------------------------------------------------------------- */
  /* « Citer » beside a post is a link to the reply form filled with the quotation (works
     without this script); here the quotation (data-quote-url, the same server text) is added
     to the reply being written, which keeps what was already typed. */

  function quoteInto(link) {
    var textarea = document.getElementById(link.getAttribute("data-quote-into"));
    if (!textarea || !textarea.hasAttribute("data-composer-ready")) return false;
    fetch(link.getAttribute("data-quote-url"), {
      credentials: "same-origin", headers: { "X-Requested-With": "fetch" }
    })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(); })
      .then(function (data) {
        var before = textarea.value.replace(/\s+$/, "");
        textarea.value = (before ? before + "\n\n" : "") + data.markdown;
        textarea.selectionStart = textarea.selectionEnd = textarea.value.length;
        textarea.focus();
        var status = document.getElementById(textarea.id + "_status");
        if (status) status.textContent = "Citation ajoutée à votre réponse.";
        textarea.dispatchEvent(new Event("input", { bubbles: true }));
      })
      .catch(function () { window.location.href = link.href; });
    return true;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-quote-url]");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    if (quoteInto(link)) event.preventDefault();
  });

  /* --- attaching files ------------------------------------------------------------------- */
  /* Without this script the form's file input sends the files with the post. Here a button
     opens the same input; each file chosen is uploaded at once (the library's checks, on the
     server) and its link inserted where the caret is. The input is emptied afterwards, so the
     files are not sent a second time with the form. Progress and refusals (in French, from the
     server) are shown and announced next to the button. */

  function insertBlock(textarea, text) {
    var start = textarea.selectionStart, end = textarea.selectionEnd;
    var before = textarea.value.slice(0, start);
    var gap = !before || /\n\n$/.test(before) ? "" : (/\n$/.test(before) ? "\n" : "\n\n");
    textarea.setRangeText(gap + text + "\n\n", start, end, "end");
    textarea.focus();
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function errorOf(response) {
    return response.json().then(function (data) {
      var errors = (data.errors && data.errors.attachments) || [];
      return errors.join(" ") || data.detail || "Le fichier n'a pas pu être joint.";
    }, function () { return "Le fichier n'a pas pu être joint : réessayez."; });
  }

  function buildAttachments(textarea, form, input) {
    var url = input.getAttribute("data-attach-url");
    var field = input.closest(".form-field") || input;
    field.hidden = true; // the button below takes its place
    var box = document.createElement("div");
    box.className = "composer__attach";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button--secondary";
    button.textContent = "Joindre un fichier";
    button.setAttribute("aria-describedby", input.id + "_helptext");
    var message = document.createElement("p");
    message.className = "composer__attach-status";
    message.setAttribute("role", "status");
    box.appendChild(button);
    box.appendChild(message);
    button.addEventListener("click", function () { input.click(); });

    function upload(files, index) {
      if (index >= files.length) {
        input.value = "";
        button.disabled = false;
        return;
      }
      var file = files[index];
      message.textContent = "Envoi de « " + file.name + " »…";
      var data = new FormData();
      data.append("file", file);
      fetch(url, {
        method: "POST", body: data, credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(form), "X-Requested-With": "fetch" }
      })
        .then(function (response) {
          if (!response.ok) return errorOf(response).then(function (text) { throw text; });
          return response.json();
        })
        .then(function (answer) {
          insertBlock(textarea, answer.markdown);
          message.textContent = "« " + answer.name + " » est joint : son lien est dans le message.";
        })
        .catch(function (text) {
          message.textContent = typeof text === "string" ? text
            : "Le fichier n'a pas pu être joint : réessayez.";
        })
        .then(function () { upload(files, index + 1); });
    }

    input.addEventListener("change", function () {
      if (!input.files || !input.files.length) return;
      button.disabled = true;
      upload(Array.prototype.slice.call(input.files), 0);
    });
    return box;
  }

  /* --- setting up ------------------------------------------------------------------------ */

  function enhance(textarea) {
    var form = textarea.form;
    if (!form || textarea.getAttribute("data-composer-ready")) return;
    textarea.setAttribute("data-composer-ready", "");
    var wrapper = document.createElement("div");
    wrapper.className = "composer";
    textarea.parentNode.insertBefore(wrapper, textarea);
    if (textarea.getAttribute("data-composer") === "markdown") {
      wrapper.appendChild(buildToolbar(textarea));
    }
    var field = document.createElement("div");
    field.className = "composer__field";
    field.appendChild(textarea);
    wrapper.appendChild(field);
    var status = document.createElement("p");
    status.id = textarea.id + "_status";
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    wrapper.appendChild(status);
    if (textarea.getAttribute("data-mentions-url")) buildMentions(textarea, field, status);
    var attach = form.querySelector("input[type=file][data-attach-url]");
    if (attach) wrapper.appendChild(buildAttachments(textarea, form, attach));
    if (textarea.getAttribute("data-preview-url")) {
      wrapper.appendChild(buildPreview(textarea, form));
      // The live preview replaces the round trip of the « Prévisualiser » button.
      form.querySelectorAll("button[name=preview]").forEach(function (button) {
        button.hidden = true;
      });
    }
    window.dispatchEvent(new CustomEvent("composer:ready", { detail: { textarea: textarea } }));
  }

  function init() {
    document.querySelectorAll("textarea[data-composer]").forEach(enhance);
  }

  window.RTComposer = { replaceSelection: replaceSelection, post: post };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
