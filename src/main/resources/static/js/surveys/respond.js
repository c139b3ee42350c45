// The public survey page: progress as questions are answered, and simple skip logic.
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
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("surveyForm");
    if (form) {
      form.addEventListener("change", update);
      form.addEventListener("input", update);
      update();
    }
  });
})();
