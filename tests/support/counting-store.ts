// The counting store is a store decorator the benches use too: it lives beside the store.
export * from '../../core/store/counting-store';
