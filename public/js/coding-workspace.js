// The coding workspace: select a span in an answer (mouse, or shift+arrows in the read-only text), pick a code by
// Tekst-ID or name and apply it; per coding a memo, the mark that partners may read it, and removal; "[" and "]" move
// between respondents.
(function () {
  const section = document.getElementById('coding-current');
  if (!section) return;
  const endpoint = section.dataset.endpoint;
  const csrf = section.dataset.csrf;
  const assignmentId = Number(section.dataset.assignment);
  const codes = JSON.parse(document.getElementById('coding-codes-data').textContent);
  const texts = JSON.parse(document.getElementById('coding-texts').textContent);
  const status = document.getElementById('coding-status');

  const say = (text) => {
    status.textContent = text;
  };

  async function send(method, url, body) {
    const res = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
    if (res.ok) return true;
    const problem = await res.json().catch(() => ({}));
    say(problem.message || texts.failed);
    return false;
  }

  // After a change the page is read again, with focus back where the coder was.
  function reloadAt(focusId) {
    sessionStorage.setItem('coding-focus', focusId);
    window.location.reload();
  }

  const restore = sessionStorage.getItem('coding-focus');
  if (restore) {
    sessionStorage.removeItem('coding-focus');
    const el = document.getElementById(restore);
    if (el) el.focus();
    say(texts.saved);
  }

  // The span a coder last selected in each answer; a whole answer when nothing is selected.
  const selections = new Map();
  // The answers cannot be `readonly`: Chromium then has no caret, so shift+arrows select nothing. They are
  // aria-readonly instead, and every edit (typing, deleting, pasting, dropping) is refused before it happens.
  for (const area of section.querySelectorAll('.coding-text')) {
    area.addEventListener('beforeinput', (e) => e.preventDefault());
    const remember = () => {
      if (area.selectionEnd > area.selectionStart)
        selections.set(area.id, { start: area.selectionStart, end: area.selectionEnd });
      else selections.delete(area.id);
    };
    area.addEventListener('select', remember);
    area.addEventListener('keyup', remember);
    area.addEventListener('mouseup', remember);
  }

  function codeOf(input) {
    const typed = input.value.trim().toUpperCase();
    if (!typed) return null;
    const exact = codes.find((c) => c.tekstId === typed);
    if (exact) return exact;
    const matches = codes.filter((c) => c.tekstId.includes(typed) || c.label.toUpperCase().includes(typed));
    return matches.length === 1 ? matches[0] : null;
  }

  async function apply(answer) {
    const question = answer.dataset.question;
    const input = answer.querySelector('.coding-code');
    const code = codeOf(input);
    if (!code) {
      say(texts.pickCode);
      input.focus();
      return;
    }
    const span = selections.get(`text-${question}`) || { start: 0, end: Number(answer.dataset.length) };
    const ok = await send('POST', endpoint, {
      assignmentId,
      question,
      start: span.start,
      end: span.end,
      codeId: code.id,
    });
    if (ok) reloadAt(`text-${question}`);
  }

  for (const answer of section.querySelectorAll('.coding-answer')) {
    answer.querySelector('.coding-apply-button').addEventListener('click', () => apply(answer));
    answer.querySelector('.coding-code').addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        apply(answer);
      }
    });
    for (const item of answer.querySelectorAll('.coding-item')) {
      const id = item.dataset.id;
      const memo = item.querySelector('.coding-memo');
      const saveMemo = async () => {
        if (await send('PUT', `${endpoint}/${id}/memo`, { memo: memo.value })) reloadAt(memo.id);
      };
      item.querySelector('.coding-memo-save').addEventListener('click', saveMemo);
      memo.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          saveMemo();
        }
      });
      // Partners read only the quotes marked here (their journey report, an action's evidence).
      const shareable = item.querySelector('.coding-shareable-box');
      shareable.addEventListener('change', async () => {
        if (await send('PUT', `${endpoint}/${id}/shareable`, { shareable: shareable.checked })) reloadAt(shareable.id);
        else shareable.checked = !shareable.checked;
      });
      item.querySelector('.coding-remove').addEventListener('click', async () => {
        if (await send('DELETE', `${endpoint}/${id}`)) reloadAt(`text-${answer.dataset.question}`);
      });
    }
  }

  // "[" and "]": previous and next respondent, unless the coder is typing.
  document.addEventListener('keydown', (e) => {
    const typing = e.target instanceof HTMLInputElement;
    if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
    const to = e.key === ']' ? section.dataset.next : e.key === '[' ? section.dataset.previous : null;
    if (to) window.location.assign(to);
  });
})();
