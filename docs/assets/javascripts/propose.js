/*
 * Contributions without a GitHub account (mpchub.contribute.mail writes the HTML; the words are the
 * catalogue's, carried in data- attributes).
 *
 * The proposal form of the Contribute page: on submit (after the browser's own checks of required
 * answers), the answers are composed in the exact text GitHub makes of an issue from the "Propose a good
 * practice" form (### heading, a blank line, the answer or _No response_; several choices joined with
 * ", "; checkboxes as "- [X] text" lines), so that `mpchub from-issue` reads the e-mail as it reads an
 * issue. The text goes into a mailto: link (subject and body prefilled) when the link stays within what
 * browsers and mail programs accept (data-limit, data-safe: see MAILTO_LIMIT in mail.py), and is always
 * shown to copy. Nothing is sent anywhere by this page.
 *
 * Everywhere: a [data-mpc-copy] button copies the [data-mpc-mail-text] text of its [data-mpc-mail] block.
 */
(function () {
  "use strict";

  var NO_RESPONSE = "_No response_";

  function answerOf(question) {
    var kind = question.getAttribute("data-kind");
    if (kind === "checkboxes") {
      return Array.prototype.map.call(question.querySelectorAll("input[type=checkbox]"), function (box) {
        return "- [" + (box.checked ? "X" : " ") + "] " + box.value;
      }).join("\n");
    }
    if (kind === "choices") {
      return Array.prototype.filter.call(question.querySelectorAll("input[type=checkbox]"), function (box) {
        return box.checked;
      }).map(function (box) { return box.value; }).join(", ");
    }
    var field = question.querySelector("input, textarea, select");
    var value = field ? field.value.replace(/\r\n?/g, "\n") : "";
    if (kind === "input") value = value.trim();
    return value.replace(/^\n+|\s+$/g, "");
  }

  // The text: what GitHub writes for an issue made from the form, question by question.
  function compose(form) {
    return Array.prototype.map.call(form.querySelectorAll("[data-mpc-q]"), function (question) {
      var answer = answerOf(question);
      return "### " + question.getAttribute("data-heading") + "\n\n" + (answer.trim() ? answer : NO_RESPONSE);
    }).join("\n\n");
  }

  function mailto(address, subject, body) {
    var link = "mailto:" + address + "?subject=" + encodeURIComponent(subject);
    return body ? link + "&body=" + encodeURIComponent(body.replace(/\n/g, "\r\n")) : link;
  }

  // A required group of checkboxes (several choices) needs one ticked: told through the first box, so the
  // browser's own check shows the message where the group is.
  function checkGroups(form, words) {
    Array.prototype.forEach.call(form.querySelectorAll("[data-mpc-q][data-required]"), function (question) {
      var boxes = question.querySelectorAll("input[type=checkbox]");
      var ticked = Array.prototype.some.call(boxes, function (box) { return box.checked; });
      if (boxes.length) boxes[0].setCustomValidity(ticked ? "" : words.choose_one);
    });
  }

  function setUpForm(form) {
    var block = form.closest("[data-mpc-mail]");
    var result = block.querySelector("[data-mpc-mail-result]");
    var words = JSON.parse(form.getAttribute("data-words"));
    var limit = Number(form.getAttribute("data-limit"));
    var safe = Number(form.getAttribute("data-safe"));
    var address = form.getAttribute("data-address");
    checkGroups(form, words);
    form.addEventListener("change", function () { checkGroups(form, words); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var body = compose(form);
      var title = form.querySelector("[data-mpc-title]");
      var subject = form.getAttribute("data-subject") + (title ? title.value.trim() : "");
      var link = mailto(address, subject, body);
      var fits = link.length <= limit;
      var open = result.querySelector("[data-mpc-mail-open]");
      open.href = fits ? link : mailto(address, subject, "");
      result.querySelector("[data-mpc-mail-status]").textContent = fits ? words.ready : words.too_long;
      result.querySelector("[data-mpc-mail-subject]").textContent = subject;
      result.querySelector("[data-mpc-mail-text]").value = body;
      var check = result.querySelector("[data-mpc-mail-check]");
      check.textContent = words.check_end;
      check.hidden = !fits || link.length <= safe;
      result.hidden = false;
      result.focus();
    });
  }

  function copy(button) {
    var block = button.closest("[data-mpc-mail]");
    var text = block.querySelector("[data-mpc-mail-text]");
    var status = block.querySelector("[data-mpc-copy-status]");
    function done(ok) { status.textContent = button.getAttribute(ok ? "data-copied" : "data-failed"); }
    function fallback() {
      text.select();
      try { done(document.execCommand("copy")); } catch (e) { done(false); }
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text.value).then(function () { done(true); }, fallback);
    } else {
      fallback();
    }
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-mpc-propose]"), setUpForm);
    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("[data-mpc-copy]");
      if (button) copy(button);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
