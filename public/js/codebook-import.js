// Codebook import: the chosen file is first checked (a dry run: what would change, or every problem with its
// line and column); only then may it be imported, with the same file, all or nothing.
(function () {
  'use strict';
  var form = document.getElementById('codebook-import-form');
  if (!form) return;
  var texts = JSON.parse(document.getElementById('codebook-import-texts').textContent);
  var result = document.getElementById('codebook-import-result');
  var body = document.getElementById('codebook-import-result-body');
  var confirmButton = document.getElementById('codebook-import-confirm');
  var input = document.getElementById('codebook-file');

  var shared = window.kwFileReport;
  var fill = shared.fill;
  var line = shared.line;

  // One row per problem: a researcher finds each one in the file by its line and column.
  function problemTable(problems, caption) {
    var table = shared.table(
      caption,
      [texts.colLine, texts.colWhere, texts.colReason],
      problems.map(function (p) {
        return [p.line === null ? '–' : String(p.line), p.column || p.where || '–', p.message];
      }),
      'stack-table import-errors',
    );
    return [line(caption), table];
  }

  function show(nodes) {
    body.replaceChildren.apply(body, nodes);
    result.hidden = false;
    result.focus();
  }

  function send(dryRun) {
    var file = input.files[0];
    if (!file) return;
    var query = new URLSearchParams({ dryRun: String(dryRun), fileName: file.name });
    confirmButton.hidden = true;
    shared
      .postFile(form, file, query, function (name) {
        return /\.(qdc|xml)$/i.test(name) ? 'application/xml' : null;
      })
      .then(function (report) {
        var nodes = [];
        if (report.statusCode) {
          var details = report.details || {};
          if (details.errors) nodes.push.apply(nodes, problemTable(details.errors, texts.problems));
          else nodes.push(line(texts.failed + ' ' + report.message));
        } else {
          nodes.push(line(fill(report.dryRun ? texts.wouldImport : texts.imported, report)));
          if (report.warnings.length) nodes.push.apply(nodes, problemTable(report.warnings, texts.warnings));
          if (report.dryRun) confirmButton.hidden = false;
        }
        show(nodes);
      })
      .catch(function (err) {
        show([line(texts.failed + ' ' + String(err))]);
      });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    send(true);
  });
  confirmButton.addEventListener('click', function () {
    send(false);
  });
  input.addEventListener('change', function () {
    confirmButton.hidden = true;
  });
})();
