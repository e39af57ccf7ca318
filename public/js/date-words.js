// A date field shows its date in the browser's own order (mm/dd/yyyy in an American browser, dd-mm-jjjj in a Dutch
// one), whatever the page's language. Under it the chosen date is written out in the page's language, so that
// 03/04 cannot be read as the wrong month: "Gekozen datum: woensdag 3 maart 2027".
(function () {
  var words = new Intl.DateTimeFormat(document.documentElement.lang || 'nl', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  document.querySelectorAll('[data-date-words]').forEach(function (out) {
    var input = document.getElementById(out.getAttribute('data-date-words'));
    if (!input) return;
    function show() {
      var ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.value);
      out.textContent = ymd
        ? out.getAttribute('data-label') + ' ' + words.format(new Date(Date.UTC(+ymd[1], +ymd[2] - 1, +ymd[3])))
        : '';
    }
    input.addEventListener('input', show);
    input.addEventListener('change', show);
    show();
  });
})();
