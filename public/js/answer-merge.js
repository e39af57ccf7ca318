// Two tabs saved the same homework: bring both versions together so that no word typed in either is lost.
// Three-way, per question: `base` is what this tab last saved, `theirs` the newer version on the server, `mine`
// what this tab holds now. Plain script for the page (window.kwadrantMergeAnswers) and a module for unit tests.
// `module` exists only when Node loads the file (the unit tests); in the page, `root` is the window.
/* global module */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else root.kwadrantMergeAnswers = factory().mergeAnswers;
})(this, function () {
  'use strict';

  function same(a, b) {
    return JSON.stringify(a === undefined ? null : a) === JSON.stringify(b === undefined ? null : b);
  }

  function isEmpty(value) {
    return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
  }

  function mergeOne(theirs, mine, joiner) {
    if (isEmpty(theirs)) return mine;
    if (isEmpty(mine)) return theirs;
    if (typeof theirs === 'string' && typeof mine === 'string' && joiner !== null) {
      // One tab only added to the other's text: the longer holds every word.
      if (theirs.indexOf(mine) !== -1) return theirs;
      if (mine.indexOf(theirs) !== -1) return mine;
      return theirs + joiner + mine;
    }
    if (Array.isArray(theirs) && Array.isArray(mine)) {
      return theirs.concat(
        mine.filter(function (v) {
          return theirs.indexOf(v) === -1;
        }),
      );
    }
    // A single choice made differently in both: the tab the respondent is working in now decides.
    return mine;
  }

  /**
   * @param base answers this tab last saved (or loaded)
   * @param theirs the newer answers on the server
   * @param mine this tab's answers now
   * @param joinerFor (name) => text put between two different texts of one question, or null when the question
   *   is a choice (its value is a word, not text the respondent wrote)
   * @returns the merged answers and the names of the questions where both tabs changed something differently
   */
  function mergeAnswers(base, theirs, mine, joinerFor) {
    base = base || {};
    theirs = theirs || {};
    mine = mine || {};
    var merged = {};
    var both = [];
    var names = Object.keys(theirs).concat(
      Object.keys(mine).filter(function (k) {
        return !(k in theirs);
      }),
    );
    names.forEach(function (name) {
      var value;
      if (same(mine[name], base[name])) value = theirs[name];
      else if (same(theirs[name], base[name]) || same(theirs[name], mine[name])) value = mine[name];
      else {
        value = mergeOne(theirs[name], mine[name], joinerFor ? joinerFor(name) : '\n\n');
        both.push(name);
      }
      if (!isEmpty(value)) merged[name] = value;
    });
    return { data: merged, changedInBoth: both };
  }

  return { mergeAnswers: mergeAnswers };
});
