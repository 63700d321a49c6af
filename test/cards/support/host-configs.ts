import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { hostConfig, themes } from '../../../scripts/cards-preview';

/** What a contrast check needs of a host config: each container style's background and text colours. */
export interface ColourConfig {
  readonly containerStyles: Record<
    string,
    { readonly backgroundColor?: string; readonly foregroundColors?: Record<string, { readonly default?: string; readonly subtle?: string }> }
  >;
}

const PLAYGROUND_JS = path.resolve(__dirname, '../../../node_modules/@microsoft/m365agentsplayground/dist/client/static/js');

/**
 * The host config the Microsoft 365 Agents Playground gives every Adaptive Card in its Teams chat, read from the
 * installed playground itself so that a new version is checked as it is. Its bundle ships several (the Adaptive
 * Cards library's default, Web Chat's); the chat renders with the one passed to `hostConfig = new HostConfig(...)`
 * beside its markdown processor, a copy of Teams' light theme: good #92C353 and warning #F8D22A on white.
 */
export const playgroundHostConfig = (): ColourConfig => {
  const bundle = readdirSync(PLAYGROUND_JS).find((f) => /^main\..*\.js$/.test(f));
  if (!bundle) throw new Error(`no playground bundle in ${PLAYGROUND_JS}`);
  const js = readFileSync(path.join(PLAYGROUND_JS, bundle), 'utf8');
  const applied = /\.hostConfig=new \w+\((\w+)\)/.exec(js);
  if (!applied) throw new Error('the playground no longer sets a card host config as this check expects: look again at how it renders cards');
  const declaration = new RegExp(`const ${applied[1]}=JSON\\.parse\\('`).exec(js);
  if (!declaration) throw new Error(`the playground's host config ${applied[1]} is not a JSON literal any more`);
  const start = declaration.index + declaration[0].length;
  const text = js.slice(start, js.indexOf("')", start)).replace(/\\'/g, "'");
  return JSON.parse(text) as ColourConfig;
};

/** Every host config a card must be readable in: the playground's (Teams light), and the gallery's Teams themes. */
export const hostConfigsToCheck = (): { readonly name: string; readonly config: ColourConfig }[] => [
  { name: 'Agents Playground (Teams light)', config: playgroundHostConfig() },
  ...themes.map((theme) => ({ name: `gallery ${theme}`, config: hostConfig(theme) as ColourConfig })),
];
