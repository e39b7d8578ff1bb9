// The analysis job page: asks the job's API address how far it is, every second, shows it,
// and reloads the page once the job has ended (the page is then its result or its error).
"use strict";
(function () {
  const section = document.getElementById("analysis-job");
  if (!section) return;
  const state = document.getElementById("job-state");
  const progress = document.getElementById("job-progress");
  const url = section.dataset.jobUrl;

  function show(job) {
    if (job.state === "queued") {
      state.textContent = "Waiting for the analyses ahead of it.";
      return;
    }
    const total = job.total || 1;
    progress.max = total;
    progress.value = job.done;
    progress.textContent = job.done + " of " + total;
    state.textContent = "Running: step " + job.done + " of " + total + " of the pipeline.";
  }

  async function poll() {
    try {
      const answer = await fetch(url, { headers: { Accept: "application/json" } });
      if (answer.status === 404) {
        window.location.reload();  // expired: the page says so
        return;
      }
      const job = await answer.json();
      if (job.state === "done" || job.state === "failed") {
        window.location.reload();
        return;
      }
      show(job);
    } catch (error) {
      state.textContent = "Lost touch with the server; trying again.";
    }
    window.setTimeout(poll, 1000);
  }

  window.setTimeout(poll, 1000);
})();
