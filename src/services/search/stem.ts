/**
 * A light English suffix stripper. No stemming library is installed (no porter/snowball/natural in node_modules),
 * so this conflates the forms that matter for council business: plurals (communities -> community,
 * strategies -> strategy, churches -> church), -ed/-ing (planned, planning -> plan; approved -> approv), and a final
 * -e (approve, house, housing -> approv, hous, hous), and, as Porter does, -ation and -ate (adaptation, adapted ->
 * adapt). It never maps different roots together on purpose; it leaves other derivations (strategic, approval) alone,
 * where Porter would go further.
 */
const VOWEL = /[aeiouy]/;
/** Doubled consonants left by -ed/-ing are undoubled (planned -> plann -> plan), except where English keeps them. */
const DOUBLED = /([^aeiouslz])\1$/;

export const stem = (word: string): string => {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;

  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(?:ches|shes|xes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);

  for (const suffix of ['ing', 'ed']) {
    const base = w.slice(0, -suffix.length);
    if (w.endsWith(suffix) && base.length >= 3 && VOWEL.test(base)) {
      // British English doubles the l of "level" ("levelling", "cancelled"), American does not: both give "level".
      w = DOUBLED.test(base) || (base.length >= 6 && base.endsWith('ell')) ? base.slice(0, -1) : base;
      break;
    }
  }

  // Porter's "-ation" and "-ate" steps, where enough of the word is left to stay itself: adaptation and adapting,
  // recommendation and recommended, allocation and allocated, regenerate and regeneration meet.
  if (w.endsWith('ation') && w.length - 5 >= 4) w = w.slice(0, -5);
  else if (w.endsWith('ate') && w.length - 3 >= 5) w = w.slice(0, -3);
  else if (w.endsWith('at') && w.length - 2 >= 5) w = w.slice(0, -2);

  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
};
