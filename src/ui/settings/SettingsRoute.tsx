// /settings with all its sections, as one lazily loaded chunk: none of it is needed for the first view.
import { InstallSettings } from '../../pwa/InstallSettings'
import { StorageSettings } from '../../pwa/StorageSettings'
import { EventsSettings } from '../events/EventsSettings'
import { RemindersSettings } from './RemindersSettings'
import { TimeAndCalendarSettings } from './TimeAndCalendarSettings'
import { SettingsScreen } from './SettingsScreen'

export function SettingsRoute() {
  return (
    <SettingsScreen>
      <EventsSettings />
      <RemindersSettings />
      <TimeAndCalendarSettings />
      <InstallSettings />
      <StorageSettings />
    </SettingsScreen>
  )
}
