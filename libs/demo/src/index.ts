export * from './demo.module';
export * from './load-demo';
export * from './perfil-demo.data';
