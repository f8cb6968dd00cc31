/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.css'
declare module '*.scss'

/** Cloud environment id for `Taro.cloud.init`; '' means the default environment. */
declare const CLOUD_ENV: string
/** Built with WeChat's 同声传译 plugin (`WECHAT_SI=1`): the phone reads texts without a recording aloud. */
declare const WECHAT_SI: boolean
