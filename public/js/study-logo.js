// The logo form: the chosen file goes to the server as a data URL in an ordinary form field, so the upload
// takes the same form post (with its CSRF token) as every other setting. The server checks type and size.
(function () {
  'use strict';
  var form = document.getElementById('logo-form');
  if (!form) return;
  var file = document.getElementById('logo-file');
  var data = document.getElementById('logo-data');
  var ready = false;
  form.addEventListener('submit', function (event) {
    if (ready || !file.files || !file.files[0]) return;
    event.preventDefault();
    var reader = new FileReader();
    reader.onload = function () {
      data.value = String(reader.result);
      ready = true;
      form.submit();
    };
    reader.readAsDataURL(file.files[0]);
  });
})();
