import { hostConfig, themes, type Theme } from '../../scripts/cards-preview';
import { contrastRatio } from './support/contrast';

/**
 * The gallery's host configs stand in for Teams' light, dark and high-contrast themes. The e2e gallery test measures
 * the text the sample cards actually render; this checks the palettes themselves, for combinations the samples may
 * not reach (a warning on an attention container, subtle text on a good one).
 */
type Config = ReturnType<typeof hostConfig>;
type Style = keyof Config['containerStyles'];
type Colour = keyof Config['containerStyles']['default']['foregroundColors'];

const AA = 4.5;
const styles = Object.keys(hostConfig('light').containerStyles) as Style[];
const themeColours: Colour[] = ['default', 'accent', 'good', 'warning', 'attention'];
const allColours: Colour[] = [...themeColours, 'dark', 'light'];

const below = (theme: Theme, onStyles: Style[], colours: Colour[]): string[] => {
  const config = hostConfig(theme);
  return onStyles.flatMap((style) => {
    const { backgroundColor, foregroundColors } = config.containerStyles[style];
    return colours.flatMap((colour) =>
      (['default', 'subtle'] as const)
        .map((shade) => ({ shade, fg: foregroundColors[colour][shade], ratio: contrastRatio(foregroundColors[colour][shade], backgroundColor) }))
        .filter(({ ratio }) => ratio < AA)
        .map(({ shade, fg, ratio }) => `${theme}: ${colour}${shade === 'subtle' ? ' subtle' : ''} ${fg} on ${style} ${backgroundColor} is ${ratio}:1`),
    );
  });
};

describe('gallery host configs', () => {
  it('offers light, dark and high contrast', () => {
    expect(themes).toEqual(['light', 'dark', 'high-contrast']);
  });

  it.each(themes)('%s: default and subtle text is readable in every container style', (theme) => {
    expect(below(theme, styles, ['default'])).toEqual([]);
  });

  it.each(themes)('%s: every theme colour is readable on the default and emphasis backgrounds', (theme) => {
    expect(below(theme, ['default', 'emphasis'], themeColours)).toEqual([]);
  });

  describe('high contrast', () => {
    const config = hostConfig('high-contrast');

    it('is black everywhere, with white, cyan, yellow, green and red text as in Teams', () => {
      for (const style of styles) expect(config.containerStyles[style].backgroundColor).toBe('#000000');
      const { foregroundColors } = config.containerStyles.default;
      expect(foregroundColors.default).toEqual({ default: '#FFFFFF', subtle: '#FFFFFF' });
      expect(foregroundColors.accent.default).toBe('#1AEBFF');
      expect(foregroundColors.warning.default).toBe('#FFFF01');
    });

    it('maps every semantic colour, dark and light included, to one readable on black in every container', () => {
      expect(below('high-contrast', styles, allColours)).toEqual([]);
    });

    it('outlines every styled container, since their backgrounds are all black', () => {
      for (const style of styles.filter((s) => s !== 'default')) {
        expect(config.containerStyles[style]).toHaveProperty('borderColor');
      }
    });
  });
});
