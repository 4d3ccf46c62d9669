/* The door scanner: keeps the token field focused for hand-held scanners (they type the token and
   press Enter), chimes on a red answer, and decodes the camera with html5-qrcode where offered. */
var Scanner = (function () {
  var audio = null;
  var camera = null;
  var lastText = null;
  var lastAt = 0;
  var watchdog = null;
  var WAIT_MS = 6000;

  /* A scan was sent: if no answer has come in a few seconds (the session ended and the sign-in page
     answered, the network is down), say so instead of leaving the owner with a spinner. */
  function sent() {
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
      var now = Date.now();
      if (text === lastText && now - lastAt < 3000) {
        return; // the same QR still in front of the lens
      }
      lastText = text;
      lastAt = now;
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
