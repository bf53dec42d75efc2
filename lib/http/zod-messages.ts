import "server-only";

import * as z from "zod/mini";
import { en } from "zod/locales";

// The shared schemas use zod/mini, which carries no messages so the browser's bundle stays small.
// The console API names what is wrong with each field in English, as classic zod would: load the
// English messages once, in the server, before any request body is parsed.
z.config(en());
