// On a phone a table.stack-table shows each row as a card; each cell gets its column's name (data-label) in front.
// Cells that already carry a label keep it; a row's own header (th) names the card. Without JavaScript the cards simply show no column names.
(function () {
  document.querySelectorAll('table.stack-table').forEach(function (table) {
    var names = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
      // A heading only for screen readers (a row's actions) names nothing on the card: "Acties: ▶ Acties" said it twice.
      var hidden = th.querySelector('.visually-hidden');
      return hidden && hidden.textContent.trim() === th.textContent.trim() ? '' : th.textContent.trim();
    });
    table.querySelectorAll('tbody tr, tfoot tr').forEach(function (row) {
      Array.prototype.forEach.call(row.children, function (cell, i) {
        if (!cell.hasAttribute('data-label') && names[i]) cell.setAttribute('data-label', names[i]);
      });
    });
  });
})();
