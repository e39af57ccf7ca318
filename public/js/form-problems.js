// The problem summary above a respondent's form: when they try to go on with unanswered or wrong answers, the
// page lists each question with its problem as a link to it, and moves focus to the list, so a screen-reader or
// magnifier user learns at once what is wrong and where (the errors next to the questions stay).
(function () {
  'use strict';
  window.kwadrantFormProblems = function (model, box) {
    if (!box) return;
    var list = box.querySelector('ul');
    var jumping = false;
    // The summary takes the focus instead of the first wrong question. SurveyJS focuses that question on "Next"
    // even with autoFocusFirstError off, by scrolling to it first: that scroll is refused unless a link here asked.
    model.autoFocusFirstError = false;
    model.onScrollToTop.add(function (_, options) {
      if (!jumping && options.question && options.question.errors.length > 0) options.cancel = true;
    });

    function hide() {
      box.hidden = true;
      list.replaceChildren();
    }

    // The question as the link, what is wrong beside it: "Wat is uw leeftijd?" – "Dit is een vereiste vraag".
    function item(question, error) {
      var a = document.createElement('a');
      a.href = '#' + question.id;
      a.textContent = question.processedTitle;
      a.addEventListener('click', function (event) {
        event.preventDefault();
        jumping = true;
        try { question.focus(true); } finally { jumping = false; }
      });
      var problem = document.createElement('span');
      problem.className = 'form-problems__text';
      problem.textContent = error ? error.getText() : '';
      var li = document.createElement('li');
      li.append(a, problem);
      return li;
    }

    model.onValidatePage.add(function (_, options) {
      if (!options.questions.length) return hide();
      list.replaceChildren.apply(list, options.questions.map(function (q) {
        return item(q, q.errors[0]);
      }));
      box.hidden = false;
      box.scrollIntoView({ block: 'start' });
      box.focus();
    });
    model.onCurrentPageChanged.add(hide);
    model.onValueChanged.add(function () {
      // A question that is answered now drops out; the list goes when nothing is left.
      if (box.hidden) return;
      var open = model.currentPage.questions.filter(function (q) { return q.errors.length > 0; });
      if (!open.length) hide();
    });
  };
})();
