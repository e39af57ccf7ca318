// What the three file imports (respondents, homework answers, codebook) share: send the chosen file as the request
// body (no multipart needed) and show the server's report as lines and tables that stack on a phone.
(function () {
  'use strict';
  var XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

  function fill(text, vars) {
    return text.replace(/\{(\w+)\}/g, function (m, name) {
      return vars[name] === undefined ? m : String(vars[name]);
    });
  }

  function line(text) {
    var p = document.createElement('p');
    p.textContent = text;
    return p;
  }

  function cell(tag, text, scope, label) {
    var c = document.createElement(tag);
    if (text instanceof Node) c.appendChild(text);
    else c.textContent = text;
    if (scope) c.scope = scope;
    // On a phone the rows stack; the label then says what each value is.
    if (label) c.setAttribute('data-label', label);
    return c;
  }

  // A table, not a list: a researcher goes down the lines and finds each one in the file. The first value of a
  // row is its header cell.
  function table(label, headers, rows, className) {
    var wrap = document.createElement('div');
    wrap.className = 'table-wrap';
    wrap.tabIndex = 0;
    wrap.setAttribute('role', 'region');
    wrap.setAttribute('aria-label', label);
    var t = document.createElement('table');
    t.className = className;
    var head = t.createTHead().insertRow();
    headers.forEach(function (h) {
      head.appendChild(cell('th', h, 'col'));
    });
    var tbody = t.createTBody();
    rows.forEach(function (values) {
      var row = tbody.insertRow();
      values.forEach(function (v, i) {
        row.appendChild(cell(i === 0 ? 'th' : 'td', v, i === 0 ? 'row' : null, headers[i]));
      });
    });
    wrap.appendChild(t);
    return wrap;
  }

  /** The file as the body of a POST to the form's endpoint; resolves with the JSON answer, a refusal included. */
  function postFile(form, file, query, types) {
    var type = /\.xlsx$/i.test(file.name) ? XLSX : (types && types(file.name)) || 'text/csv';
    return fetch(form.dataset.endpoint + '?' + query, {
      method: 'POST',
      headers: { 'content-type': type, 'x-csrf-token': form.dataset.csrf, accept: 'application/json' },
      body: file,
    }).then(function (res) {
      return res.json();
    });
  }

  window.kwFileReport = { fill: fill, line: line, table: table, postFile: postFile };
})();
