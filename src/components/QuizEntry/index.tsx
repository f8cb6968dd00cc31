import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { DAILY_QUIZ_SIZE } from '../../../types/constants'
import { ROUTES } from '../../utils/routes'
import './index.scss'

const go = (url: string) => void Taro.navigateTo({ url })

/** 在线考核 on 首页: one tap to today's questions, one to the 错题本, one to 我的考试. */
export default function QuizEntry() {
  return (
    <View className='card quiz-entry'>
      <View className='card__title'>每日答题</View>
      <Text className='quiz-entry__text'>{`每天 ${DAILY_QUIZ_SIZE} 道题，答对得积分，答错的题记进错题本`}</Text>
      <View className='button-row'>
        <Button className='big-button big-button--small' onClick={() => go(ROUTES.quizDaily)}>
          开始答题
        </Button>
        <Button className='plain-button' onClick={() => go(ROUTES.quizWrong)}>
          错题本
        </Button>
      </View>
      <Text className='quiz-entry__link' onClick={() => go(ROUTES.quizExams)}>
        我的考试（专项考试、季度考核） ›
      </Text>
    </View>
  )
}
