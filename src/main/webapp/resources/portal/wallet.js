/* The demo wallet's countdown: the server says how long the QR has left (by the portal's clock,
   which may be shifted from this browser's); at zero a new QR is fetched. */
(function () {
  var deadline = 0;
  function arm() {
    var card = document.getElementById('walletForm:card');
    if (card) {
      deadline = Date.now() + parseInt(card.getAttribute('data-remaining') || '15000', 10);
    }
  }
  function tick() {
    var left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
    var el = document.getElementById('countdown');
    if (el) {
      el.textContent = String(left);
    }
    if (deadline && left === 0 && typeof renewCard === 'function') {
      deadline = 0;
      renewCard();
    }
  }
  document.addEventListener('DOMContentLoaded', function () {
    arm();
    setInterval(tick, 250);
    if (window.jQuery) {
      jQuery(document).on('pfAjaxComplete', arm);
    }
  });
})();
