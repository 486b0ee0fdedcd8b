export * from './attributions.module';
export * from './dtos/attribution.object';
export * from './loaders/attributions.loaders';
export * from './services/attributions.service';
export { PositionSelectorInput, QuoteSelectorInput } from './dtos/attribution.inputs';
