// Polls the job's state and moves the progress bar; reloads the page when the job ends.
(function () {
  "use strict";
  var box = document.getElementById("job");
  if (!box) { return; }
  var bar = document.getElementById("progress");
  var stage = document.getElementById("stage");
  function poll() {
    fetch(box.getAttribute("data-state"), { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        bar.value = s.fraction;
        stage.textContent = s.stage;
        if (s.done) { window.location.assign(box.getAttribute("data-next")); }
        else { window.setTimeout(poll, 700); }
      })
      .catch(function () { window.setTimeout(poll, 2000); });
  }
  window.setTimeout(poll, 300);
})();
