/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.css'
declare module '*.scss'

/** Cloud environment id for `Taro.cloud.init`; '' means the default environment. */
declare const CLOUD_ENV: string
