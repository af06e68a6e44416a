export { type BuildRouteManifestOptions, buildRouteManifest } from './build-manifest.ts'
export { FileRouteError, type FileRouteErrorCode, fileRouteErrorCodes } from './errors.ts'
export { type FileRoutesOptions, fileRoutes } from './file-routes.ts'
export { type GenerateRouteTypesOptions, generateRouteTypes } from './generate-types.ts'
export { type ApplyRouteManifestOptions, applyRouteManifest } from './manifest.ts'
export { type ScannedRoute, scanRoutes } from './scan-routes.ts'
export type {
  FileRouteInfo,
  FolderErrorHandler,
  FolderMiddleware,
  Layout,
  LayoutVariablesOf,
  MethodSchemas,
  RouteHandler,
  RouteInput,
  RouteManifest,
  RouteMethodName,
  RouteMethodsOf,
  RouteModule,
  RouteParamsOf,
  RouteSchemas,
} from './types.ts'
export {
  type FileRouter,
  type FileRouterState,
  type WatchFileRoutesOptions,
  watchFileRoutes,
} from './watch-file-routes.ts'
