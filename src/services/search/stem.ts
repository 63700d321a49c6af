/**
 * A light English suffix stripper. No stemming library is installed (no porter/snowball/natural in node_modules),
 * so this conflates the forms that matter for council business: plurals (communities -> community,
 * strategies -> strategy, churches -> church), -ed/-ing (planned, planning -> plan; approved -> approv), and a final
 * -e (approve, house, housing -> approv, hous, hous). It never maps different roots together on purpose; it leaves
 * derivations (strategic, approval) alone, where Porter would go further.
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
      w = DOUBLED.test(base) ? base.slice(0, -1) : base;
      break;
    }
  }

  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
};
