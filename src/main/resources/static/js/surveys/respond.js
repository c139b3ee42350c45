// The public survey page: progress as questions are answered, simple skip logic, and partial
// answers kept in the browser (localStorage, per link) so that a closed tab or a dropped connection
// in an in-app browser does not lose them; they are removed when the answers are sent.
(function () {
  "use strict";
  function answered(fieldset) {
    return Array.prototype.some.call(fieldset.querySelectorAll("input, textarea"), function (el) {
      return (el.type === "radio" || el.type === "checkbox") ? el.checked : el.value.trim() !== "";
    });
  }
  function value(name) {
    var checked = document.querySelector('input[name="' + name + '"]:checked');
    return checked ? checked.value : null;
  }
  function update() {
    var questions = Array.prototype.slice.call(document.querySelectorAll(".survey-question"));
    var visible = questions.filter(function (q) {
      var dependsOn = q.getAttribute("data-show-if");
      var show = !dependsOn || value(dependsOn) === q.getAttribute("data-show-equals");
      q.hidden = !show;
      return show;
    });
    var done = visible.filter(answered).length;
    var percent = visible.length ? Math.round(100 * done / visible.length) : 0;
    var bar = document.getElementById("surveyProgress");
    if (bar) {
      bar.style.width = percent + "%";
      bar.parentElement.setAttribute("aria-valuenow", String(percent));
    }
  }
  var key = "manyi-survey:" + location.pathname;
  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== "_csrf" && el.type !== "submit" && el.type !== "hidden";
    });
  }
  function save(form) {
    var data = {};
    fields(form).forEach(function (el) {
      if (el.type === "radio" || el.type === "checkbox") {
        if (el.checked) {
          (data[el.name] = data[el.name] || []).push(el.value);
        }
      } else if (el.value.trim() !== "") {
        data[el.name] = [el.value];
      }
    });
    try {
      localStorage.setItem(key, JSON.stringify(data));
    } catch (e) {
      // storage may be off (private mode): answering still works, only without the draft
    }
  }
  function restore(form) {
    var data;
    try {
      data = JSON.parse(localStorage.getItem(key) || "null");
    } catch (e) {
      data = null;
    }
    var untouched = !fields(form).some(function (el) {
      return (el.type === "radio" || el.type === "checkbox") ? el.checked : el.value.trim() !== "";
    });
    if (!data || !untouched) {
      return; // the server re-showed the form with the answers it received
    }
    fields(form).forEach(function (el) {
      var values = data[el.name];
      if (!values) {
        return;
      }
      if (el.type === "radio" || el.type === "checkbox") {
        el.checked = values.indexOf(el.value) >= 0;
      } else {
        el.value = values[0];
      }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("surveyForm");
    if (form) {
      restore(form);
      form.addEventListener("change", function () { update(); save(form); });
      form.addEventListener("input", function () { update(); save(form); });
      form.addEventListener("submit", function () {
        try {
          localStorage.removeItem(key);
        } catch (e) {
          // nothing stored
        }
      });
      update();
    }
  });
})();
