import { acronymsOf } from '../../../src/services/search/acronyms';
import { stem } from '../../../src/services/search/stem';
import { analyse, datesIn, processTerm, termsOf, tokenize } from '../../../src/services/search/text';

describe('stem', () => {
  it.each([
    ['communities', 'community'], ['community', 'community'], ['strategies', 'strategy'], ['strategy', 'strategy'],
    ['plans', 'plan'], ['planned', 'plan'], ['planning', 'plan'], ['approved', 'approv'], ['approve', 'approv'],
    ['housing', 'hous'], ['houses', 'hous'], ['house', 'hous'], ['businesses', 'business'], ['churches', 'church'],
    ['status', 'status'], ['analysis', 'analysis'], ['called', 'call'], ['call', 'call'], ['string', 'string'],
    ['need', 'need'], ['safety', 'safety'], ['2021', '2021'], ['asb', 'asb'],
    // British and American spellings meet; -ation and -ate meet their verbs, where enough of the word is left.
    ['levelling', 'level'], ['leveling', 'level'], ['cancelled', 'cancel'], ['calling', 'call'], ['spelling', 'spell'],
    ['adaptations', 'adapt'], ['adapting', 'adapt'], ['recommendation', 'recommend'], ['recommended', 'recommend'],
    ['allocation', 'alloc'], ['allocated', 'alloc'], ['station', 'station'], ['climate', 'climat'], ['private', 'privat'],
  ])('%s -> %s', (word, stemmed) => {
    expect(stem(word)).toBe(stemmed);
  });
});

describe('terms', () => {
  it('folds case and accents, drops stopwords and single letters, stems', () => {
    expect(termsOf('The Council’s Café Strategies for Communities')).toEqual(['council', 'caf', 'strategy', 'community']);
    expect(processTerm('the')).toBeNull();
    expect(processTerm('s')).toBeNull();
  });

  it('keeps figures whole: thousands, decimals, pounds and per cents', () => {
    expect(termsOf('£19,487.6 and £396,000 (85%) or 5.00')).toEqual(['19487.6', '396000', '85']);
    expect(termsOf('2021/22 and 2021-24')).toEqual(['2021', '22', '2021', '24']);
  });

  it('gives a hyphenated word its parts and the parts joined', () => {
    expect(tokenize('fly-tipping in-cab')).toEqual(['fly', 'tipping', 'flytipping', 'in', 'cab', 'incab']);
    expect(termsOf('fly-tipping')).toEqual(['fly', 'tip', 'flytip']);
  });

  it('gives a date its day and month terms however it is written', () => {
    for (const written of ['1 April 2022', '1st April 2022', 'Friday, 1 April 2022', '01/04/2022', '1.4.2022']) {
      expect(termsOf(written)).toEqual(expect.arrayContaining(['on20220401', 'in202204']));
    }
    expect(termsOf('in June 2021')).toEqual(['jun', '2021', 'in202106']);
    expect(datesIn('31 February 2022, 12 Smarch 2020 and 2 May 1850')).toEqual([]);
    expect(datesIn('from June 2021 to 3 July 2021')).toEqual([{ month: '2021-06' }, { day: '2021-07-03', month: '2021-07' }]);
  });
});

describe('analyse: neighbouring terms for phrases', () => {
  const pairs = (text: string): string[] => {
    const found: string[] = [];
    analyse(text, (a, b) => found.push(`${a} ${b}`));
    return found;
  };

  it('lets a dropped word leave no gap', () => {
    expect(pairs('the impact on armed forces')).toEqual(['impact arm', 'arm forc']);
  });

  it('makes a compound neighbour the words either side as its parts do', () => {
    expect(pairs('rural fly-tipping task')).toEqual(['rural fly', 'fly tip', 'rural flytip', 'tip task', 'flytip task']);
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

  it('takes an initialism inside a run whole, and gives two-letter initials when asked', () => {
    expect(acronymsOf('UK Shared Prosperity Fund')).toEqual(expect.arrayContaining(['ukspf']));
    expect(acronymsOf('General Fund Budget', 2)).toEqual(['gf', 'fb', 'gfb']);
  });
});
