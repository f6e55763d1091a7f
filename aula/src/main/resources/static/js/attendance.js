// Take-attendance page: live counts, and a correction needs its reason once a mark changes.
(function () {
  var form = document.getElementById('asistencia');
  if (!form) { return; }
  var summary = document.getElementById('resumen');
  var reason = document.getElementById('motivo');
  var initial = {};
  form.querySelectorAll('input[type=radio]:checked').forEach(function (input) { initial[input.name] = input.value; });

  function refresh() {
    var counts = { PRESENT: 0, ABSENT: 0, LATE: 0 };
    var changed = 0;
    form.querySelectorAll('input[type=radio]:checked').forEach(function (input) {
      counts[input.value] += 1;
      var row = input.closest('li');
      var isChanged = initial[input.name] !== input.value;
      row.classList.toggle('changed', isChanged);
      row.dataset.status = input.value;
      if (isChanged) { changed += 1; }
    });
    summary.textContent = counts.PRESENT + ' presentes · ' + counts.ABSENT + ' ausentes · ' + counts.LATE + ' atrasados';
    if (reason) { reason.required = changed > 0 && form.dataset.existing === 'true'; }
  }

  form.addEventListener('change', refresh);
  refresh();
})();
