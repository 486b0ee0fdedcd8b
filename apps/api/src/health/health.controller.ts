import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { ReadinessService } from './readiness.service';

/**
 * Liveness and readiness for load balancers and `docker compose`: `/health/live` answers while the
 * process serves HTTP; `/health/ready` (and `/health`) answers 200 only when the database is
 * reachable, the migrations are applied and Redis (when configured) answers, else 503 with what
 * failed.
 */
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get()
  @HttpCode(200)
  async health() {
    return this.ready();
  }

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready() {
    const { ready, checks } = await this.readiness.check();
    if (!ready) throw new ServiceUnavailableException({ status: 'unavailable', ...checks });
    return { status: 'ok', ...checks };
  }
}
