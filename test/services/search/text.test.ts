import { acronymsOf } from '../../../src/services/search/acronyms';
import { stem } from '../../../src/services/search/stem';
import { processTerm, termsOf } from '../../../src/services/search/text';

describe('stem', () => {
  it.each([
    ['communities', 'community'], ['community', 'community'], ['strategies', 'strategy'], ['strategy', 'strategy'],
    ['plans', 'plan'], ['planned', 'plan'], ['planning', 'plan'], ['approved', 'approv'], ['approve', 'approv'],
    ['housing', 'hous'], ['houses', 'hous'], ['house', 'hous'], ['businesses', 'business'], ['churches', 'church'],
    ['status', 'status'], ['analysis', 'analysis'], ['called', 'call'], ['call', 'call'], ['string', 'string'],
    ['need', 'need'], ['safety', 'safety'], ['2021', '2021'], ['asb', 'asb'],
  ])('%s -> %s', (word, stemmed) => {
    expect(stem(word)).toBe(stemmed);
  });
});

describe('terms', () => {
  it('folds case and accents, drops stopwords and single letters, stems', () => {
    expect(termsOf("The Council’s Café Strategies for Communities")).toEqual(['council', 'caf', 'strategy', 'community']);
    expect(processTerm('the')).toBeNull();
    expect(processTerm('s')).toBeNull();
  });
});

describe('acronymsOf', () => {
  it('gives the initials of every run of three or more capitalised words', () => {
    expect(acronymsOf('Approval of the Community Safety Partnership Strategic Plan')).toEqual([
      'acs', 'csp', 'sps', 'psp', 'acsp', 'csps', 'spsp', 'acsps', 'cspsp', 'acspsp',
    ]);
  });

  it('lets connectors join a run but not start one, and stops at sentence punctuation', () => {
    expect(acronymsOf('The Housing Revenue Account')).toEqual(['hra']);
    expect(acronymsOf('the Office of the Police and Crime Commissioner')).toEqual(['opc', 'pcc', 'opcc']);
    expect(acronymsOf('tackle Anti-Social Behaviour (ASB) now')).toEqual(['asb']);
    expect(acronymsOf('Melton Borough. Council Tax Support')).toEqual(['cts']);
    expect(acronymsOf('a report on community safety')).toEqual([]);
  });
});
