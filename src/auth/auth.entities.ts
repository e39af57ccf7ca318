import { User } from './user.entity';
import { LoginSession } from './login-session.entity';
import { LoginThrottleCounter } from './login-throttle.entity';
import { RateLimitWindow } from './rate-limit-window.entity';

/** The tables this module owns: registered with TypeOrmModule.forFeature, and listed for data sources opened outside the application. */
export const AUTH_ENTITIES = [User, LoginSession, LoginThrottleCounter, RateLimitWindow];
