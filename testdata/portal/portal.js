// The portal side of Passkey Doctor's postMessage API: trust messages from
// the doctor's own origin only, size the iframe to the page, and keep the
// latest diagnosis (for a "send to IT" button, a ticket form, ...).
(function () {
  const params = new URLSearchParams(location.search);
  const app = new URL(params.get("app") || "http://localhost:8080/");
  const frame = document.getElementById("doctor");
  if (params.get("allow") !== "0") {
    frame.setAttribute("allow", "publickey-credentials-get " + app.origin + "; publickey-credentials-create " + app.origin);
  }
  frame.addEventListener("load", () => { frame.dataset.loaded = "1"; });
  frame.src = app.href;

  const diagnosis = document.getElementById("diagnosis");
  const height = document.getElementById("height");
  let received = 0;
  window.addEventListener("message", (event) => {
    if (event.origin !== app.origin || event.source !== frame.contentWindow) {
      return;
    }
    const msg = event.data || {};
    if (msg.type === "passkey-doctor.resize" && Number.isFinite(msg.height)) {
      frame.style.height = Math.max(200, msg.height) + "px";
      height.textContent = String(msg.height);
    } else if (msg.type === "passkey-doctor.diagnosis" && msg.version === 1) {
      received++;
      diagnosis.dataset.received = String(received);
      diagnosis.textContent = JSON.stringify(msg.diagnosis, null, 2);
    }
  });
})();
