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
        try {
          question.focus(true);
        } finally {
          jumping = false;
        }
      });
      var problem = document.createElement('span');
      problem.className = 'form-problems__text';
      problem.textContent = error ? error.getText() : '';
      var li = document.createElement('li');
      li.append(a, problem);
      return li;
    }

    function showQuestions(questions) {
      if (!questions.length) return hide();
      list.replaceChildren.apply(
        list,
        questions.map(function (q) {
          return item(q, q.errors[0]);
        }),
      );
      box.hidden = false;
      box.scrollIntoView({ block: 'start' });
      box.focus();
    }

    model.onValidatePage.add(function (_, options) {
      showQuestions(options.questions);
    });
    model.onCurrentPageChanged.add(hide);
    model.onValueChanged.add(function () {
      // A question that is answered now drops out; the list goes when nothing is left.
      if (box.hidden) return;
      var open = model.currentPage.questions.filter(function (q) {
        return q.errors.length > 0;
      });
      if (!open.length) hide();
    });
    // The server's refusal of sent answers: each problem under its question (by the name the answer is stored
    // under), the page of the first one shown, and the summary listing them by their titles. Returns the fields
    // that are no question, for the caller to say otherwise.
    return {
      showServerProblems: function (details) {
        var questions = [];
        var rest = [];
        Object.keys(details || {}).forEach(function (field) {
          var question = model.getQuestionByValueName(field) || model.getQuestionByName(field);
          if (!question) return rest.push(field);
          if (!questions.length && question.page) model.currentPage = question.page;
          [].concat(details[field]).forEach(function (text) {
            question.addError(String(text));
          });
          questions.push(question);
        });
        showQuestions(questions);
        return rest;
      },
    };
  };

  // A page form the server refused comes back with the summary filled in: the focus goes to it, so the reader
  // learns at once what to correct, and each link puts the focus in its field (not only scrolls to it).
  document.addEventListener('DOMContentLoaded', function () {
    var box = document.getElementById('form-problems');
    if (!box || box.hidden || !box.querySelector('li')) return;
    box.addEventListener('click', function (event) {
      var link = event.target.closest ? event.target.closest('a[href^="#"]') : null;
      var field = link && document.getElementById(link.hash.slice(1));
      if (!field || event.defaultPrevented) return;
      event.preventDefault();
      field.focus();
    });
    box.focus();
  });
})();
