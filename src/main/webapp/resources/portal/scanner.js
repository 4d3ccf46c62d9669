/* The door scanner: keeps the token field focused for hand-held scanners (they type the token and
   press Enter), chimes on a red answer, and decodes the camera with html5-qrcode where offered. */
var Scanner = (function () {
  var audio = null;
  var camera = null;
  var watchdog = null;
  var WAIT_MS = 6000;
  /* One presentation of a QR: the same text again within this long of its last reading is the same
     presentation (a hand-held scanner's double Enter, the camera reading the code ten times a
     second while it is held up). Later, it is a second presentation, which the portal refuses. */
  var SAME_PRESENTATION_MS = 3000;
  var lastText = null;
  var lastAt = 0;
  var answersBefore = null;

  function party() {
    var select = document.getElementById('scanForm:party_input');
    return select ? select.value : '';
  }

  /* Whether this text is the presentation just sent; each reading of it extends the window, so a
     code held in front of the camera for long stays one presentation. A solo diner asked again
     (another party) is a new question. */
  function samePresentation(text) {
    var now = Date.now();
    var key = text + '|' + party();
    var same = key === lastText && now - lastAt < SAME_PRESENTATION_MS;
    lastText = key;
    lastAt = now;
    return same;
  }

  function answers() {
    var panel = document.getElementById('scanForm:result');
    return panel ? panel.getAttribute('data-answers') : null;
  }

  /* A scan is about to be sent: the same presentation read again is dropped (the request is not
     sent, the field is emptied). Else, if no answer has come in a few seconds (the session ended
     and the sign-in page answered, the network is down), say so instead of leaving the owner with
     a spinner. */
  function sent() {
    var f = field();
    var text = f ? f.value.trim() : '';
    if (text && samePresentation(text)) {
      f.value = '';
      return false;
    }
    answersBefore = text ? answers() : null;
    clearTimeout(watchdog);
    watchdog = setTimeout(lost, WAIT_MS);
    return true;
  }

  function field() {
    return document.getElementById('scanForm:token');
  }

  function focus() {
    var f = field();
    if (f) {
      f.value = '';
      f.focus();
    }
  }

  function chime() {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      [0, 0.18].forEach(function (at) {
        var osc = audio.createOscillator();
        var gain = audio.createGain();
        osc.type = 'square';
        osc.frequency.value = 880;
        gain.gain.value = 0.15;
        osc.connect(gain);
        gain.connect(audio.destination);
        osc.start(audio.currentTime + at);
        osc.stop(audio.currentTime + at + 0.12);
      });
    } catch (e) {
      /* no sound available: the red panel still says it */
    }
  }

  /* After each answer: the tone is read from the updated panel (the button's own script was
     rendered before the answer). An answer without the result panel means the sign-in page
     answered instead: the session ended. */
  function answered(xhr) {
    clearTimeout(watchdog);
    var text = xhr && typeof xhr.responseText === 'string' ? xhr.responseText : '';
    // a real answer updates the result panel; the sign-in page (which the browser fetched after the
    // redirect, as an AJAX request too) answers with something else
    if (text.indexOf('scanForm:result') < 0) {
      lost();
      return;
    }
    var panel = document.getElementById('scanForm:result');
    if (answersBefore !== null && answers() === answersBefore) {
      // not answered (overloaded, database down: nothing recorded): the same QR may be sent again
      lastText = null;
    }
    if (panel && panel.getAttribute('data-tone') === 'red') {
      chime();
    }
    focus();
  }

  function say(text, tone) {
    var panel = document.getElementById('scanForm:result');
    var headline = document.getElementById('scanForm:headline');
    if (panel && headline) {
      panel.className = 'scan-result scan-' + tone;
      headline.textContent = text;
    }
  }

  /* The answer did not come (the session ended, the network failed): say so, never stay silent,
     and reload, which passes through sign-in and comes back to this page. */
  function lost() {
    clearTimeout(watchdog);
    var message = document.getElementById('sessionLost');
    say(message ? message.textContent : '!', 'red');
    chime();
    setTimeout(function () { window.location.reload(); }, 2500);
  }

  function startCamera(elementId, unavailable) {
    if (typeof Html5Qrcode === 'undefined' || !navigator.mediaDevices) {
      say(unavailable, 'red');
      return;
    }
    if (camera) {
      camera.stop().catch(function () {});
      camera = null;
      return;
    }
    camera = new Html5Qrcode(elementId);
    camera.start({ facingMode: 'environment' }, { fps: 10, qrbox: 250 }, function (text) {
      // the same QR still in front of the lens is dropped when sent (samePresentation)
      field().value = text;
      document.getElementById('scanForm:scan').click();
    }).catch(function () {
      camera = null;
      say(unavailable, 'red');
    });
  }

  document.addEventListener('DOMContentLoaded', focus);
  return { focus: focus, sent: sent, answered: answered, camera: startCamera, lost: lost };
})();
