#include "frameparser.h"
