// A pool row's open actions lie over the rows below it (respondents.css). Leaving them by keyboard closes them, so
// the next row's own "Acties" is not hidden under them; Escape closes them and returns to their "Acties". Closing
// keeps what was typed: the fields stay in the page.
(function () {
  document.querySelectorAll('.respondent-table td > details').forEach(function (details) {
    var summary = details.querySelector('summary');
    details.addEventListener('focusout', function (event) {
      if (details.open && event.relatedTarget && !details.contains(event.relatedTarget)) details.open = false;
    });
    details.addEventListener('keydown', function (event) {
      if (event.key !== 'Escape' || !details.open) return;
      details.open = false;
      summary.focus();
    });
  });
})();
