// The three metaphors by id, for the view switcher.
import { CITY } from '../city/city-model';
import { MALL } from '../mall/mall-model';
import { PARK } from '../park/park-model';
import type { Metaphor, MetaphorId } from './metaphor';

export const METAPHORS: Record<MetaphorId, Metaphor> = { city: CITY, mall: MALL, park: PARK };
