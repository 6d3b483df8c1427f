import { describe, expect, it } from 'vitest';
import { en, fr } from '../../i18n/strings';
import { buildScene, sceneObjects } from './scene';
import { lessonWorld } from './scene-fixtures';
import { METAPHORS } from './metaphors';
import { buildCity } from '../city/city-model';
import { buildMall } from '../mall/mall-model';
import { buildPark } from '../park/park-model';

describe('the metaphors’ models', () => {
  const scene = buildScene(lessonWorld(), { showSystem: false });

  it.each([
    ['city', buildCity],
    ['mall', buildMall],
    ['park', buildPark],
  ] as const)('maps every object one-to-one onto the %s', (_, build) => {
    const elements = build(scene);
    expect([...elements.keys()].sort()).toEqual(sceneObjects(scene).map((o) => o.key).sort());
  });

  it('calls a pod a house, a node a neighbourhood and a CronJob a clock tower in the city', () => {
    const city = buildCity(scene);
    expect(city.get('Pod/default/web-1')?.word).toBe('city.Pod');
    expect(en['city.Pod']).toBe('House');
    expect(fr['city.Node']).toBe('Quartier');
    expect(city.get('CronJob/default/tick')?.art).toBe('city-tower');
  });

  it('shows each service type with its own picture: back door, car-park stand, entrance team, pizza flyer', () => {
    const mall = buildMall(scene);
    expect(mall.get('Service/default/web-public')?.art).toBe('mall-team');
    expect(mall.get('Service/default/pizza')?.art).toBe('mall-flyer');
    expect(METAPHORS.mall.art.gate).toBe('mall-stand');
    expect(METAPHORS.mall.art.inside).toBe('mall-backdoor');
  });

  it('has every legend line and word in English and French, the French quoting the lesson', () => {
    for (const m of Object.values(METAPHORS)) {
      for (const key of [...m.legend, ...m.truths, ...Object.values(m.words)]) {
        expect(en[key].length).toBeGreaterThan(0);
        expect(fr[key].length).toBeGreaterThan(0);
      }
    }
    expect(fr['city.legend.service']).toContain('point de rencontre fixe ou une adresse postale');
    expect(fr['park.legend.lb']).toContain('la porte la moins encombrée');
  });
});
